package my.gov.temujanji.applicant;

/**
 * What the applicant typed, exactly as typed, so that a form shown again keeps every answer. Also
 * the draft kept on a hold.
 */
public record ApplicantInput(String fullName, String documentType, String documentNumber, String nationality,
        String email, String phone) {

    public static ApplicantInput empty() {
        return new ApplicantInput("", "", "", "", "", "");
    }
}
