package my.gov.temujanji.platform;

/**
 * One radio button of a question: {@code hint} (an address, places left) is shown under the label and
 * may be null; a {@code disabled} choice is shown but cannot be picked (a full slot).
 */
public record Choice(String value, String label, String hint, boolean disabled) {

    public static Choice of(String value, String label, String hint) {
        return new Choice(value, label, hint, false);
    }
}
