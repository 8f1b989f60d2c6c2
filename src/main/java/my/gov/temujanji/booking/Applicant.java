package my.gov.temujanji.booking;

/**
 * The applicant (pemohon) as stored: every value already checked and normalised. {@code phone} is in
 * E.164 form, {@code nationality} an ISO 3166 alpha-3 code, {@code documentNumber} without dashes.
 */
public record Applicant(String fullName, DocumentType documentType, String documentNumber, String nationality,
        String email, String phone) {

    /** The document number as the slip shows it: only the last four characters. */
    public String maskedDocumentNumber() {
        String last = documentNumber.substring(Math.max(0, documentNumber.length() - 4));
        if (documentType == DocumentType.MYKAD) {
            return "******-**-" + last;
        }
        return "*".repeat(Math.max(0, documentNumber.length() - 4)) + last;
    }
}
