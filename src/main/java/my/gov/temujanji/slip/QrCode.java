package my.gov.temujanji.slip;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * QR codes at error correction level M (survives a crease or a smudge on a printed slip) with the
 * standard quiet zone of four modules, which readers need to find the code.
 */
@Component
public class QrCode {

    private static final int QUIET_ZONE_MODULES = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE_MODULES);

    /** A standalone SVG, one unit per module: the dark modules as one path of horizontal runs. */
    public String svg(String text) {
        BitMatrix modules = encode(text, 0);
        int width = modules.getWidth();
        int height = modules.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < width && modules.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\""
                + width * 4 + "\" height=\"" + height * 4 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** A code as 8-bit grey samples, row by row, black 0 and white 255. */
    public record GreyRaster(int width, int height, byte[] samples) {
    }

    /**
     * The code as grey samples of {@code size} pixels square (or the smallest size that fits the code),
     * for a PDF to embed as they are: no image encoding and decoding on the way, which made the PDF
     * slip the costliest part of sending a confirmation.
     */
    public GreyRaster grey(String text, int size) {
        BitMatrix modules = encode(text, size);
        int width = modules.getWidth();
        int height = modules.getHeight();
        byte[] samples = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                samples[y * width + x] = modules.get(x, y) ? 0 : (byte) 0xFF;
            }
        }
        return new GreyRaster(width, height, samples);
    }

    private static BitMatrix encode(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", e);
        }
    }
}
