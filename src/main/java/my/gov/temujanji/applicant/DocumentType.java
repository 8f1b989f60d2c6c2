package my.gov.temujanji.applicant;

/** The identity document an applicant books with. */
public enum DocumentType {
    /** Kad Pengenalan Malaysia: the national identity card. */
    MYKAD,
    PASSPORT
}
