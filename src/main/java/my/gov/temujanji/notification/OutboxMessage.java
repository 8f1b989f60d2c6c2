package my.gov.temujanji.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An e-mail to write and send: what happened, to whom, in which language. {@code secret}: the
 * confirmation code a CONFIRMATION_CODE e-mail carries, until the code is used or dead; {@code skippedReason}:
 * why a SKIPPED message was not sent; {@code waitlistSubject}: the entry or offer a waitlist e-mail is about.
 */
record OutboxMessage(long id, MailKind kind, String appointmentReference, String recipient, String language,
        LocalDateTime previous, String status, int attempts, String lastError, Instant createdAt, Instant sentAt,
        String secret, String skippedReason, UUID waitlistSubject) {
}
