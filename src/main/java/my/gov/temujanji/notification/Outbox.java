package my.gov.temujanji.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: written in the caller's transaction, claimed and settled by the worker. */
@Repository
@RequiredArgsConstructor
class Outbox {

    private static final String COLUMNS = """
            id, kind, appointment_reference, recipient, language, previous_day, previous_start, status, attempts,
            last_error, created_at, sent_at, secret, skipped_reason, waitlist_subject""";

    private final JdbcClient jdbc;

    /** Whether a message of this kind for this appointment was queued at or after {@code since}. */
    boolean queuedSince(MailKind kind, String reference, Instant since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM outbox_message WHERE kind = ? AND appointment_reference = ? "
                        + "AND created_at >= ?)")
                .params(kind.name(), reference, Timestamp.from(since)).query(Boolean.class).single();
    }

    void enqueue(MailKind kind, String reference, String recipient, String language, LocalDateTime previous,
            String secret, Instant now) {
        jdbc.sql("""
                        INSERT INTO outbox_message (kind, appointment_reference, recipient, language, previous_day,
                            previous_start, next_attempt_at, created_at, secret)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), reference, recipient, language,
                        previous == null ? null : previous.toLocalDate(), previous == null ? null : previous.toLocalTime(),
                        Timestamp.from(now), Timestamp.from(now), secret)
                .update();
    }

    /** A waitlist e-mail about an entry or offer, {@code secret} its code (null for none). */
    void enqueueWaitlist(MailKind kind, UUID subject, String recipient, String language, String secret, Instant now) {
        jdbc.sql("""
                        INSERT INTO outbox_message (kind, waitlist_subject, recipient, language, next_attempt_at,
                            created_at, secret)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), subject, recipient, language, Timestamp.from(now), Timestamp.from(now), secret)
                .update();
    }

    /** Forgets the code a waitlist entry's e-mail carries: it is used. */
    void eraseWaitlistSecret(UUID subject) {
        jdbc.sql("UPDATE outbox_message SET secret = NULL WHERE waitlist_subject = ? AND secret IS NOT NULL")
                .param(subject).update();
    }

    /** Forgets the codes the messages about this appointment carry: they are used or dead. */
    void eraseSecrets(String reference) {
        jdbc.sql("UPDATE outbox_message SET secret = NULL WHERE appointment_reference = ? AND secret IS NOT NULL")
                .param(reference).update();
    }

    /**
     * Claims the next message due, for this node alone: the claim writes {@code token} and a lease of
     * {@code lease} on the database's clock (the same for every node), rows another node is claiming are
     * skipped, and a lease that ran out (its node died or stalled) is taken over. Confirmation codes come
     * first: an applicant is waiting for one, with a deadline.
     */
    Optional<OutboxMessage> claimNext(Instant now, UUID token, Duration lease) {
        // The ORDER BY is the expression of the index outbox_message_claim_idx (V25), character for
        // character: changed alone, the claim goes back to sorting the whole backlog.
        return jdbc.sql("""
                        WITH due AS MATERIALIZED (
                            SELECT id FROM outbox_message
                            WHERE status = 'PENDING' AND next_attempt_at <= :now
                              AND (locked_until IS NULL OR locked_until <= clock_timestamp())
                            ORDER BY kind NOT IN ('CONFIRMATION_CODE', 'WAITLIST_CODE'), id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        UPDATE outbox_message o
                        SET locked_until = clock_timestamp() + :leaseMillis * interval '1 millisecond',
                            lease_token = :token, attempts = o.attempts + 1
                        FROM due WHERE o.id = due.id
                        RETURNING\s""" + COLUMNS.replace("id, kind", "o.id, kind"))
                .param("now", Timestamp.from(now))
                .param("leaseMillis", lease.toMillis())
                .param("token", token)
                .query((rs, n) -> message(rs))
                .optional();
    }

    /** Extends our lease while we send; false when it is no longer ours (taken over after running out). */
    boolean renew(long id, UUID token, Duration lease) {
        return jdbc.sql("""
                        UPDATE outbox_message SET locked_until = clock_timestamp() + ? * interval '1 millisecond'
                        WHERE id = ? AND lease_token = ? AND status = 'PENDING'""")
                .params(lease.toMillis(), id, token).update() == 1;
    }

    /** Settles a message as sent, only while our claim holds; false when another node has taken it over. */
    boolean markSent(long id, UUID token, Instant now) {
        return jdbc.sql("""
                        UPDATE outbox_message SET status = 'SENT', sent_at = ?, locked_until = NULL, lease_token = NULL
                        WHERE id = ? AND lease_token = ?""")
                .params(Timestamp.from(now), id, token).update() == 1;
    }

    /** Settles a message that no longer makes sense without sending it, with the reason; only with our claim. */
    boolean markSkipped(long id, UUID token, String reason) {
        return jdbc.sql("""
                        UPDATE outbox_message SET status = 'SKIPPED', skipped_reason = ?, locked_until = NULL,
                            lease_token = NULL, secret = NULL
                        WHERE id = ? AND lease_token = ?""")
                .params(reason, id, token).update() == 1;
    }

    /**
     * Records a failed try, only with our claim: due again at {@code nextAttempt}, or FAILED for good
     * after the last try.
     */
    boolean markFailed(long id, UUID token, String error, Instant nextAttempt, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE outbox_message
                        SET status = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt_at = ?, locked_until = NULL, lease_token = NULL, last_error = ?
                        WHERE id = ? AND lease_token = ?""")
                .params(maxAttempts, Timestamp.from(nextAttempt), error, id, token).update() == 1;
    }

    /** What waits to be sent: for the health page, which says why mail is late. */
    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS pending, min(created_at) AS oldest,
                            (SELECT last_error FROM outbox_message WHERE status = 'PENDING' AND last_error IS NOT NULL
                             ORDER BY next_attempt_at DESC LIMIT 1) AS last_error
                        FROM outbox_message WHERE status = 'PENDING'""")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("pending"), oldest == null ? null : oldest.toInstant(),
                            rs.getString("last_error"));
                })
                .single();
    }

    /** {@code oldest}: when the oldest pending message was written, null when none waits. */
    record Backlog(long pending, Instant oldest, String lastError) {
    }

    List<OutboxMessage> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message ORDER BY id DESC LIMIT ?")
                .param(limit).query((rs, n) -> message(rs)).list();
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id = ?")
                .param(id).query((rs, n) -> message(rs)).optional();
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        LocalDate previousDay = rs.getObject("previous_day", LocalDate.class);
        return new OutboxMessage(rs.getLong("id"), MailKind.valueOf(rs.getString("kind")),
                rs.getString("appointment_reference"), rs.getString("recipient"), rs.getString("language"),
                previousDay == null ? null : previousDay.atTime(rs.getObject("previous_start", LocalTime.class)),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(), rs.getString("secret"),
                rs.getString("skipped_reason"), rs.getObject("waitlist_subject", UUID.class));
    }
}
