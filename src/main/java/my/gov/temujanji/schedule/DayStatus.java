package my.gov.temujanji.schedule;

/** How a day looks to an applicant choosing a date (Tarikh Temujanji). */
public enum DayStatus {
    /** Bookable, with places left. */
    OPEN,
    /** Bookable, but every place of every slot is taken. */
    FULL,
    /** The branch does not serve that day: weekend, holiday, closure or no counter hours. */
    CLOSED,
    /** Before the lead time or past the booking window. */
    NOT_BOOKABLE
}
