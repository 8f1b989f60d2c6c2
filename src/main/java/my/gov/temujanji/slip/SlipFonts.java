package my.gov.temujanji.slip;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The slip's type: Noto fonts shipped in the jar (src/main/resources/fonts, SIL OFL) for every script a
 * Malaysian name is written in: Latin, Jawi (Arabic script), Tamil and Chinese. Each is embedded as a
 * subset of the glyphs used, so a slip stays tens of kilobytes. Text is split into runs, each in the
 * first font that has its characters, and the runs are put in visual order (Unicode bidi), so that a
 * Jawi name reads right to left, also inside a Latin line. Shaping (Arabic joining forms, Tamil vowel
 * signs and conjuncts) is done by the JDK's layout engine through OpenPDF's LayoutProcessor.
 */
final class SlipFonts {

    enum Weight {
        REGULAR,
        BOLD
    }

    private static final String FOLDER = "fonts/";

    static {
        // One switch for the JVM: it must be on before any font is loaded, and only loaded fonts use it.
        synchronized (LayoutProcessor.class) {
            if (!LayoutProcessor.isEnabled()) {
                LayoutProcessor.enable();
                // Shaped glyphs map back to one character each; the span's /ActualText keeps the whole text
                // for copying, search and screen readers.
                LayoutProcessor.setWriteActualText();
            }
        }
    }

    /** First match wins: Latin first, so digits, spaces and punctuation stay in the Latin type. */
    private static final List<BaseFont> REGULAR = List.of(load("NotoSans-Regular.ttf"),
            load("NotoNaskhArabic-Regular.ttf"), load("NotoSansTamil-Regular.ttf"), load("NotoSansSC-Bold.ttf"));
    /** Chinese in one weight only: a second CJK font would add 10 MB to the jar for a name in bold. */
    private static final List<BaseFont> BOLD = List.of(load("NotoSans-Bold.ttf"), load("NotoNaskhArabic-Bold.ttf"),
            load("NotoSansTamil-Bold.ttf"), REGULAR.get(3));

    private SlipFonts() {
    }

    static Font font(Weight weight, float size, Color color) {
        return new Font(fonts(weight).get(0), size, Font.NORMAL, color);
    }

    /** The text in runs of one font each, in the order they are drawn from left to right. */
    static Phrase phrase(String text, Weight weight, float size, Color color) {
        Phrase phrase = new Phrase(size * 1.5f);
        phrase.setFont(font(weight, size, color));
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        Object[] visual = new Object[runs];
        byte[] levels = new byte[runs];
        for (int run = 0; run < runs; run++) {
            levels[run] = (byte) bidi.getRunLevel(run);
            boolean rightToLeft = levels[run] % 2 == 1;
            List<Chunk> chunks = chunks(text.substring(bidi.getRunStart(run), bidi.getRunLimit(run)), rightToLeft,
                    weight, size, color);
            if (rightToLeft) {
                // Right to left: the layout engine orders the glyphs inside a run, we order the runs.
                Collections.reverse(chunks);
            }
            visual[run] = chunks;
        }
        Bidi.reorderVisually(levels, 0, visual, 0, runs);
        for (Object run : visual) {
            @SuppressWarnings("unchecked")
            List<Chunk> chunks = (List<Chunk>) run;
            chunks.forEach(phrase::add);
        }
        return phrase;
    }

    private static List<Chunk> chunks(String text, boolean rightToLeft, Weight weight, float size, Color color) {
        List<BaseFont> fonts = fonts(weight);
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        BaseFont current = null;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            BaseFont font = current != null && staysInRun(codePoint, rightToLeft) && current.charExists(codePoint) ? current
                    : fonts.stream().filter(f -> f.charExists(codePoint)).findFirst().orElse(fonts.get(0));
            if (font != current && !run.isEmpty()) {
                chunks.add(new Chunk(run.toString(), new Font(current, size, Font.NORMAL, color)));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(codePoint);
        }
        if (!run.isEmpty()) {
            chunks.add(new Chunk(run.toString(), new Font(current, size, Font.NORMAL, color)));
        }
        return chunks;
    }

    /**
     * Combining marks (Arabic vowel signs, for one) belong to the letter before them. In a right-to-left run
     * spaces and punctuation stay too, so that the run is laid out, and its text kept, as one. Elsewhere they
     * take the Latin type, whose space a reader copies as a space (the Chinese font's is a no-break space).
     */
    private static boolean staysInRun(int codePoint, boolean rightToLeft) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.INHERITED
                || rightToLeft && script == Character.UnicodeScript.COMMON;
    }

    private static List<BaseFont> fonts(Weight weight) {
        return weight == Weight.BOLD ? BOLD : REGULAR;
    }

    private static BaseFont load(String file) {
        try {
            return BaseFont.createFont(FOLDER + file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new UncheckedIOException("The slip's font " + FOLDER + file + " is missing from the build",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
