package my.gov.temujanji.notification;

/** The e-mails an applicant receives; each has its subject and opening words in the mail bundle. */
enum MailKind {
    BOOKED(true),
    CANCELLED(false),
    RESCHEDULED(true),
    REMINDER(true);

    final boolean withSlip;

    MailKind(boolean withSlip) {
        this.withSlip = withSlip;
    }
}
