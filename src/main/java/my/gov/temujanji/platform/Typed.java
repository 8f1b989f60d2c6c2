package my.gov.temujanji.platform;

/** What a person typed into a text field, read the one way every form and constraint reads it. */
public final class Typed {

    private Typed() {
    }

    /** The text without the spaces around it; nothing ("") for a field not sent. */
    public static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
