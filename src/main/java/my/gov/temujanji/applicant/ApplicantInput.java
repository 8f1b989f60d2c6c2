package my.gov.temujanji.applicant;

import java.util.List;

/**
 * What the applicant typed, exactly as typed, so that a form shown again keeps every answer. Also
 * the draft kept on a hold, and the details form's record: its constraints are
 * {@link ApplicantValidation}'s rules.
 */
@ValidApplicant
public record ApplicantInput(String fullName, String documentType, String documentNumber, String nationality,
        String email, String phone) {

    /** The form's fields in the order the page shows them (and the error summary lists them). */
    public static final List<String> FIELDS = List.of("fullName", "documentType", "documentNumber", "nationality",
            "email", "phone");

    public static ApplicantInput empty() {
        return new ApplicantInput("", "", "", "", "", "");
    }
}
