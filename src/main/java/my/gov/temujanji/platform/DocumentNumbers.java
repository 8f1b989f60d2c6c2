package my.gov.temujanji.platform;

import java.util.Locale;

/**
 * The one normal form of an identity document number, shared by the booking (which stores it) and the
 * blocks (which must find the same number staff typed in another form).
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /** A MyKad number's 12 digits without dashes or spaces, or null when it is not 12 digits. */
    public static String myKad(String text) {
        String digits = text == null ? "" : text.replaceAll("[\\s-]", "");
        return digits.matches("\\d{12}") ? digits : null;
    }

    /** A MyKad number as its 12 digits; any other number without spaces, in upper case. */
    public static String normalise(String text) {
        String mykad = myKad(text);
        return mykad != null ? mykad : Typed.text(text).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
