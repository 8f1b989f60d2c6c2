package my.gov.temujanji.notification;

import java.time.Instant;

/** An e-mail as written to the outbox. {@code withSlip}: the PDF slip and the calendar file go with it. */
record OutboxMessage(long id, MailKind kind, String appointmentReference, String recipient, String language,
        String subject, String textBody, String htmlBody, boolean withSlip, String status, int attempts,
        String lastError, Instant createdAt, Instant sentAt) {
}
