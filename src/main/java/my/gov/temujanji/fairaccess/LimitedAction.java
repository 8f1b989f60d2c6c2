package my.gov.temujanji.fairaccess;

/** What a rate limit counts; each has its own limits per address and per document number. */
public enum LimitedAction {
    /** Taking a hold on a place (page and API); per document where the details are given to a hold. */
    HOLD,
    /** Booking an appointment: the page's OK to confirm and the API. */
    BOOKING,
    /** Self-service look-ups by reference and document number, and their cancel and move. */
    LOOKUP,
    /** Staff login attempts, per address only (each username also locks after a few failures). */
    STAFF_LOGIN
}
