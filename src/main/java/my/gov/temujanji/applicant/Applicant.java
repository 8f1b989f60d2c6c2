package my.gov.temujanji.applicant;

/**
 * The applicant (pemohon) as stored: every value already checked and normalised. {@code phone} is in
 * E.164 form, {@code nationality} an ISO 3166 alpha-3 code, {@code documentNumber} without dashes.
 */
public record Applicant(String fullName, DocumentType documentType, String documentNumber, String nationality,
        String email, String phone) {

    /** The nationality's name in the reader's language (the ISO code if the JDK has no name for it). */
    public String nationalityName(java.util.Locale locale) {
        return Countries.name(nationality, locale);
    }

    /** The date of birth a MyKad number carries (as of {@code today}); empty for other documents. */
    public java.util.Optional<java.time.LocalDate> birthDate(java.time.LocalDate today) {
        return documentType == DocumentType.MYKAD && documentNumber.length() == 12
                ? MyKadNumber.birthDate(documentNumber, today) : java.util.Optional.empty();
    }

    /** The whole document number, as printed on the document: a MyKad number with its dashes. For staff only. */
    public String fullDocumentNumber() {
        if (documentType == DocumentType.MYKAD && documentNumber.length() == 12) {
            return documentNumber.substring(0, 6) + "-" + documentNumber.substring(6, 8) + "-" + documentNumber.substring(8);
        }
        return documentNumber;
    }

    /** The document number as the slip shows it: only the last four characters. */
    public String maskedDocumentNumber() {
        String last = documentNumber.substring(Math.max(0, documentNumber.length() - 4));
        if (documentType == DocumentType.MYKAD) {
            return "******-**-" + last;
        }
        return "*".repeat(Math.max(0, documentNumber.length() - 4)) + last;
    }
}
