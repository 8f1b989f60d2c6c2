package my.gov.temujanji.notification;

/** The e-mails an applicant receives; each has its subject and opening words in the mail bundle. */
enum MailKind {
    /** The code that confirms a booking (and its link): the booking counts only once it is entered. */
    CONFIRMATION_CODE(false),
    BOOKED(true),
    CANCELLED(false),
    /** Cancelled by the branch (closure, fewer places, other hours), with a link to choose a new slot. */
    CANCELLED_BY_BRANCH(false),
    RESCHEDULED(true),
    REMINDER(true),
    /** Cancelled by the counter for arriving after the check-in window: cites the rule of the slip. */
    LATE(false),
    /**
     * A booking with this appointment's document was refused as a second one of its type: its owner is
     * reminded of it (whoever tried is told nothing of it).
     */
    ALREADY_BOOKED(false);

    final boolean withSlip;

    MailKind(boolean withSlip) {
        this.withSlip = withSlip;
    }
}
