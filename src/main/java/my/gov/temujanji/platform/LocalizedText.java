package my.gov.temujanji.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** A text a person reads, in Malay (the default) and English. */
public record LocalizedText(String ms, String en) {

    public static final Locale MALAY = Locale.forLanguageTag("ms");

    /** The message {@code key} of the bundles, in both languages. */
    public static LocalizedText of(MessageSource messages, String key, Object... arguments) {
        return new LocalizedText(messages.getMessage(key, arguments, MALAY),
                messages.getMessage(key, arguments, Locale.ENGLISH));
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : ms;
    }
}
