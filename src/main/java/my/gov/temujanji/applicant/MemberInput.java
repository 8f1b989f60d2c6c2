package my.gov.temujanji.applicant;

/**
 * A person added to a group booking, exactly as typed (the form shown again keeps every answer):
 * {@code dateOfBirth} as yyyy-mm-dd, {@code relationship} a {@link Relationship} other than SELF.
 */
public record MemberInput(String fullName, String documentType, String documentNumber, String nationality,
        String dateOfBirth, String relationship) {

    /** The fields in the order the page shows them (and the error summary lists them). */
    public static final java.util.List<String> FIELDS = java.util.List.of("fullName", "documentType", "documentNumber",
            "nationality", "dateOfBirth", "relationship");

    public static MemberInput empty() {
        return new MemberInput("", "", "", "", "", "");
    }
}
