package my.gov.temujanji.booking;

/** The identity document an applicant books with. */
public enum DocumentType {
    /** Kad Pengenalan Malaysia: the national identity card. */
    MYKAD,
    PASSPORT
}
