package my.gov.temujanji.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: written in the caller's transaction, claimed and settled by the worker. */
@Repository
class Outbox {

    private static final String COLUMNS = """
            id, kind, appointment_reference, recipient, language, previous_day, previous_start, status, attempts,
            last_error, created_at, sent_at, secret""";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /** Forgets the codes the messages about this appointment carry: they are used or dead. */
    void eraseSecrets(String reference) {
        jdbc.sql("UPDATE outbox_message SET secret = NULL WHERE appointment_reference = ? AND secret IS NOT NULL")
                .param(reference).update();
    }

    /**
     * Claims up to {@code limit} messages that are due, for {@code leaseEnd}: rows another node holds
     * are skipped, and a claim whose node died runs out, so every message is sent by one node at a time.
     * Confirmation codes come first: an applicant is waiting for one, with a deadline.
     */
    List<OutboxMessage> claimDue(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                        WITH due AS MATERIALIZED (
                            SELECT id FROM outbox_message
                            WHERE status = 'PENDING' AND next_attempt_at <= :now
                              AND (locked_until IS NULL OR locked_until <= :now)
                            ORDER BY kind <> 'CONFIRMATION_CODE', id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        UPDATE outbox_message o SET locked_until = :leaseEnd, attempts = o.attempts + 1
                        FROM due WHERE o.id = due.id
                        RETURNING\s""" + COLUMNS.replace("id, kind", "o.id, kind"))
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(leaseEnd))
                .param("limit", limit)
                .query((rs, n) -> message(rs))
                .list();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("UPDATE outbox_message SET status = 'SENT', sent_at = ?, locked_until = NULL WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    /** Records a failed try: due again at {@code nextAttempt}, or FAILED for good after the last try. */
    void markFailed(long id, String error, Instant nextAttempt, int maxAttempts) {
        jdbc.sql("""
                        UPDATE outbox_message
                        SET status = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt_at = ?, locked_until = NULL, last_error = ?
                        WHERE id = ?""")
                .params(maxAttempts, Timestamp.from(nextAttempt), error, id).update();
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
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(), rs.getString("secret"));
    }
}
