package my.gov.temujanji.booking.confirmation;

import static my.gov.temujanji.booking.AppointmentRows.COLUMNS;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentRows;
import my.gov.temujanji.schedule.PlaceSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code confirmation_code} table, in explicit SQL, and the expiry of the bookings it waited for. A
 * code's row is written with its appointment, in one statement ({@code AppointmentRepository.insertAppointment}).
 */
@Repository
@RequiredArgsConstructor
class ConfirmationRepository {

    /** A code's state, to say why a try was refused. */
    record CodeState(int tries, int sends, Instant expiresAt, boolean used) {
    }

    private final JdbcClient jdbc;

    /**
     * Counts one try of the code, in one conditional statement so that nodes together cannot give more
     * than {@code maxTries}; empty when the code is used, dead, expired or missing. The row stays
     * locked until the caller's transaction ends.
     */
    Optional<String> countTry(String reference, Instant now, int maxTries) {
        return jdbc.sql("""
                        UPDATE confirmation_code SET tries = tries + 1
                        WHERE reference = ? AND used_at IS NULL AND expires_at > ? AND tries < ?
                        RETURNING code_hash""")
                .params(reference, Timestamp.from(now), maxTries)
                .query(String.class)
                .optional();
    }

    Optional<CodeState> codeState(String reference) {
        return jdbc.sql("SELECT tries, sends, expires_at, used_at IS NOT NULL AS used FROM confirmation_code WHERE reference = ?")
                .param(reference)
                .query((rs, n) -> new CodeState(rs.getInt("tries"), rs.getInt("sends"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used")))
                .optional();
    }

    void markCodeUsed(String reference, Instant now) {
        jdbc.sql("UPDATE confirmation_code SET used_at = ? WHERE reference = ?").params(Timestamp.from(now), reference)
                .update();
    }

    /**
     * Replaces a live code with a new one, its tries counted from zero, while fewer than
     * {@code maxSends} codes were sent; returns the deadline, which does not move, or empty.
     */
    Optional<Instant> replaceCode(String reference, String codeHash, Instant now, int maxSends) {
        return jdbc.sql("""
                        UPDATE confirmation_code c SET code_hash = ?, tries = 0, sends = sends + 1
                        FROM appointment a
                        WHERE c.reference = ? AND a.reference = c.reference AND a.status = 'PENDING'
                          AND c.used_at IS NULL AND c.expires_at > ? AND c.sends < ?
                        RETURNING c.expires_at""")
                .params(codeHash, reference, Timestamp.from(now), maxSends)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /**
     * Expires the PENDING appointments whose time to confirm has run out and gives their places back,
     * offered again from {@code availableFrom}, in one statement. Codes another node is working on
     * (a try in progress) are skipped, so several nodes can sweep at once. The codes of appointments
     * no longer pending (cancelled, confirmed meanwhile) are deleted too. Returns the expired ones.
     */
    List<Appointment> expireUnconfirmed(Instant now, Instant availableFrom, int limit) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT reference FROM confirmation_code
                            WHERE used_at IS NULL AND expires_at <= :now
                            ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        ), dead AS (
                            DELETE FROM confirmation_code c USING due WHERE c.reference = due.reference
                        ), expired AS (
                            UPDATE appointment a SET status = 'EXPIRED', cancelled_at = :now
                            FROM due JOIN appointment coded ON coded.reference = due.reference
                            -- the people of a group wait for the applicant's one code, and expire with it
                            WHERE (a.id = coded.id OR a.group_id = coded.group_id) AND a.status = 'PENDING'
                            RETURNING a.*
                        ), released AS (SELECT slot_id FROM expired),\s""" + PlaceSql.givingBack("released", ":availableFrom") + """
                        SELECT\s""" + COLUMNS + " FROM expired")
                .param("now", Timestamp.from(now))
                .param("availableFrom", Timestamp.from(availableFrom))
                .param("limit", limit)
                .query((rs, n) -> AppointmentRows.appointment(rs))
                .list();
    }
}
