package my.gov.temujanji.booking.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.MemberInput;
import my.gov.temujanji.schedule.PlaceSql;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code hold} table, in explicit SQL: what decides correctness is in these statements. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HoldRepository {

    /**
     * A hold's row, locked by the caller's transaction. {@code releasedEarly}: given back before it ran
     * out, by a branch's change that took its place.
     */
    public record LockedHold(UUID id, long slotId, Instant expiresAt, boolean released, boolean releasedEarly,
            TakenPlace place, String draft) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    void insertHold(UUID id, long slotId, Instant now, Instant expiresAt, ApplicantInput draft) {
        jdbc.sql("INSERT INTO hold (id, slot_id, created_at, expires_at, draft) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(id, slotId, Timestamp.from(now), Timestamp.from(expiresAt), draftJson(draft))
                .update();
    }

    Optional<LockedHold> lockHold(UUID id) {
        return jdbc.sql("""
                        SELECT h.id, h.slot_id, h.expires_at, h.released_at IS NOT NULL AS released,
                               coalesce(h.released_at < h.expires_at, false) AS released_early, h.draft::text,
                               s.branch_code, s.service_code, s.day, s.start_time, s.end_time
                        FROM hold h JOIN slot s ON s.id = h.slot_id WHERE h.id = ? FOR UPDATE OF h""")
                .param(id)
                .query((rs, n) -> new LockedHold(rs.getObject("id", UUID.class), rs.getLong("slot_id"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("released"),
                        rs.getBoolean("released_early"), new TakenPlace(rs.getLong("slot_id"), rs.getString("branch_code"), rs.getString("service_code"),
                                rs.getObject("day", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                                rs.getObject("end_time", LocalTime.class)),
                        rs.getString("draft")))
                .optional();
    }

    Optional<Hold> findHold(UUID id, Instant now) {
        return jdbc.sql("""
                        SELECT h.id, h.expires_at, h.released_at IS NULL AND h.expires_at > ? AS live, h.draft::text,
                               s.branch_code, s.service_code, s.day, s.start_time, s.end_time
                        FROM hold h JOIN slot s ON s.id = h.slot_id WHERE h.id = ?""")
                .params(Timestamp.from(now), id)
                .query((rs, n) -> new Hold(rs.getObject("id", UUID.class), rs.getString("branch_code"),
                        rs.getString("service_code"), rs.getObject("day", LocalDate.class),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("live"), draft(rs.getString("draft"))))
                .optional();
    }

    void saveDraft(UUID holdId, ApplicantInput draft) {
        jdbc.sql("UPDATE hold SET draft = ?::jsonb WHERE id = ?").params(draftJson(draft), holdId).update();
    }

    void markReleased(UUID holdId, Instant now) {
        jdbc.sql("UPDATE hold SET released_at = ? WHERE id = ?").params(Timestamp.from(now), holdId).update();
    }

    void deleteHold(UUID holdId) {
        jdbc.sql("DELETE FROM hold WHERE id = ?").param(holdId).update();
    }

    /**
     * Releases every live hold that has run out, giving its place back, in one statement. Rows another
     * node is working on are skipped, so several nodes can sweep at once. Returns how many were released.
     */
    int releaseExpiredHolds(Instant now, int limit) {
        return jdbc.sql("""
                        WITH expired AS (
                            SELECT id FROM hold WHERE released_at IS NULL AND expires_at <= :now
                            ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        ), released AS (
                            UPDATE hold h SET released_at = :now FROM expired e WHERE h.id = e.id RETURNING h.slot_id
                        ),\s""" + PlaceSql.givingBack("released", ":availableFrom") + """
                        SELECT count(*)::int FROM given_back""")
                .param("now", Timestamp.from(now))
                .param("availableFrom", null)
                .param("limit", limit)
                .query(Integer.class)
                .single();
    }

    int deleteReleasedHoldsBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM hold WHERE released_at IS NOT NULL AND released_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }

    /** The branch of a hold's slot, unlocked: what its transaction locks first (it never changes). */
    Optional<String> branchOfHold(UUID id) {
        return jdbc.sql("SELECT s.branch_code FROM hold h JOIN slot s ON s.id = h.slot_id WHERE h.id = ?").param(id)
                .query(String.class).optional();
    }

    /**
     * Up to {@code places} live holds of a slot, locked, newest first (those that ran out before
     * them): the places a schedule change takes from holders before it takes any from an appointment.
     */
    List<UUID> lockNewestLiveHolds(long slotId, int places, Instant now) {
        return jdbc.sql("""
                        SELECT id FROM hold WHERE slot_id = ? AND released_at IS NULL
                        ORDER BY expires_at <= ? DESC, created_at DESC, id LIMIT ? FOR UPDATE""")
                .params(slotId, Timestamp.from(now), places)
                .query(UUID.class)
                .list();
    }

    /** The people added to the booking on this hold, as typed, in order (none when nobody was added). */
    List<MemberInput> members(UUID holdId) {
        String text = jdbc.sql("SELECT members::text FROM hold WHERE id = ?").param(holdId).query(String.class)
                .optional().orElse(null);
        return text == null ? List.of() : List.of(json.readValue(text, MemberInput[].class));
    }

    void saveMembers(UUID holdId, List<MemberInput> members) {
        jdbc.sql("UPDATE hold SET members = ?::jsonb WHERE id = ?")
                .params(members.isEmpty() ? null : json.writeValueAsString(members), holdId).update();
    }

    private String draftJson(ApplicantInput draft) {
        return draft == null ? null : json.writeValueAsString(draft);
    }

    ApplicantInput draft(String text) {
        return text == null ? null : json.readValue(text, ApplicantInput.class);
    }
}
