package my.gov.temujanji.notification;

/** The e-mails an applicant receives; each has its subject and opening words in the mail bundle. */
enum MailKind {
    /** The code that confirms a booking (and its link): the booking counts only once it is entered. */
    CONFIRMATION_CODE(false),
    BOOKED(true),
    CANCELLED(false),
    RESCHEDULED(true),
    REMINDER(true);

    final boolean withSlip;

    MailKind(boolean withSlip) {
        this.withSlip = withSlip;
    }
}
