package my.gov.temujanji.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The booking tables, in explicit SQL: what decides correctness is in these statements. */
@Repository
class BookingRepository {

    private static final String APPOINTMENT_COLUMNS = """
            reference, status, branch_code, service_code, day, start_time, end_time, full_name, document_type,
            document_number, nationality, email, phone, created_at, language""";

    /** A hold's row, locked by the caller's transaction. */
    /** {@code releasedEarly}: given back before it ran out, by a branch's change that took its place. */
    record LockedHold(UUID id, long slotId, Instant expiresAt, boolean released, boolean releasedEarly, TakenPlace place,
            String draft) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BookingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serialises concurrent requests that share any of the keys, until the caller's transaction ends. One
     * statement takes them in the order given (PostgreSQL evaluates a select list from left to right).
     */
    void lock(String... keys) {
        jdbc.sql("SELECT " + String.join(", ", Collections.nCopies(keys.length, "pg_advisory_xact_lock(hashtextextended(?, 0))")))
                .params((Object[]) keys).query().singleRow();
    }

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
                        ),\s""" + SlotInventory.givingBack("released", ":availableFrom") + """
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

    void insertAppointment(String reference, AppointmentStatus status, TakenPlace place, Applicant applicant,
            String language, String idempotencyKey, String requestHash, Instant now) {
        jdbc.sql("""
                        INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
                            status, full_name, document_type, document_number, nationality, email, phone, language,
                            idempotency_key, request_hash, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, place.slotId(), place.branchCode(), place.serviceCode(), place.day(), place.start(),
                        place.end(), status.name(), applicant.fullName(), applicant.documentType().name(), applicant.documentNumber(),
                        applicant.nationality(), applicant.email(), applicant.phone(), language, idempotencyKey,
                        requestHash, Timestamp.from(now))
                .update();
    }

    /** The appointment a key created, with the hash of the request that created it. */
    Optional<KeyedAppointment> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + ", request_hash FROM appointment WHERE idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new KeyedAppointment(appointment(rs), rs.getString("request_hash")))
                .optional();
    }

    boolean keyUsed(String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM appointment WHERE idempotency_key = ?)").param(key)
                .query(Boolean.class).single();
    }

    record KeyedAppointment(Appointment appointment, String requestHash) {
    }

    Optional<Appointment> findActive(DocumentType type, String documentNumber, String serviceCode) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + """
                         FROM appointment
                        WHERE document_type = ? AND document_number = ? AND service_code = ?
                          AND status IN ('PENDING', 'CONFIRMED')""")
                .params(type.name(), documentNumber, serviceCode)
                .query((rs, n) -> appointment(rs))
                .optional();
    }

    /** Upcoming active appointments (PENDING or CONFIRMED) of a document, and of an e-mail address. */
    record ActiveCounts(int byDocument, int byEmail) {
    }

    ActiveCounts countActive(DocumentType type, String documentNumber, String email, LocalDateTime now) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE document_type = :type AND document_number = :number) AS by_document,
                               count(*) FILTER (WHERE lower(email) = lower(:email)) AS by_email
                        FROM appointment
                        WHERE status IN ('PENDING', 'CONFIRMED') AND day + start_time > :now
                          AND ((document_type = :type AND document_number = :number) OR lower(email) = lower(:email))""")
                .param("type", type.name()).param("number", documentNumber).param("email", email).param("now", now)
                .query((rs, n) -> new ActiveCounts(rs.getInt("by_document"), rs.getInt("by_email")))
                .single();
    }

    void insertCode(String reference, String codeHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO confirmation_code (reference, code_hash, expires_at) VALUES (?, ?, ?)")
                .params(reference, codeHash, Timestamp.from(expiresAt)).update();
    }

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

    /** A code's state, to say why a try was refused. */
    record CodeState(int tries, int sends, Instant expiresAt, boolean used) {
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

    /** Confirms a PENDING appointment; false when it is no longer pending. */
    boolean confirm(String reference, Instant now) {
        return jdbc.sql("UPDATE appointment SET status = 'CONFIRMED', confirmed_at = ? WHERE reference = ? AND status = 'PENDING'")
                .params(Timestamp.from(now), reference).update() == 1;
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
                            FROM due WHERE a.reference = due.reference AND a.status = 'PENDING'
                            RETURNING a.*
                        ), released AS (SELECT slot_id FROM expired),\s""" + SlotInventory.givingBack("released", ":availableFrom") + """
                        SELECT\s""" + APPOINTMENT_COLUMNS + " FROM expired")
                .param("now", Timestamp.from(now))
                .param("availableFrom", Timestamp.from(availableFrom))
                .param("limit", limit)
                .query((rs, n) -> appointment(rs))
                .list();
    }

    /** The branch of an appointment, unlocked: what its transaction locks first (it never changes). */
    Optional<String> branchOfAppointment(String reference) {
        return jdbc.sql("SELECT branch_code FROM appointment WHERE reference = ?").param(reference)
                .query(String.class).optional();
    }

    /** The branch of a hold's slot, unlocked, for the same reason. */
    Optional<String> branchOfHold(UUID id) {
        return jdbc.sql("SELECT s.branch_code FROM hold h JOIN slot s ON s.id = h.slot_id WHERE h.id = ?").param(id)
                .query(String.class).optional();
    }

    /** The appointment and its slot, locked until the caller's transaction ends. */
    Optional<LockedAppointment> lockByReference(String reference) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + ", slot_id FROM appointment WHERE reference = ? FOR UPDATE")
                .param(reference)
                .query((rs, n) -> new LockedAppointment(appointment(rs), rs.getLong("slot_id")))
                .optional();
    }

    record LockedAppointment(Appointment appointment, long slotId) {
    }

    void updateStatus(String reference, AppointmentStatus status, Instant now) {
        jdbc.sql("UPDATE appointment SET status = ?, cancelled_at = CASE WHEN ? IN ('CANCELLED', 'EXPIRED') THEN ?::timestamptz END WHERE reference = ?")
                .params(status.name(), status.name(), Timestamp.from(now), reference)
                .update();
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

    /** Up to {@code places} active (confirmed or pending) appointments of a slot, locked, latest booked first. */
    List<Appointment> lockLatestActive(long slotId, int places) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + """
                         FROM appointment WHERE slot_id = ? AND status IN ('PENDING', 'CONFIRMED')
                        ORDER BY created_at DESC, id DESC LIMIT ? FOR UPDATE""")
                .params(slotId, places)
                .query((rs, n) -> appointment(rs))
                .list();
    }

    void cancelByStaff(String reference, String staff, Instant now) {
        jdbc.sql("UPDATE appointment SET status = 'CANCELLED', cancelled_at = ?, cancelled_by_staff = ? WHERE reference = ?")
                .params(Timestamp.from(now), staff, reference)
                .update();
    }

    /** Moves to another place; the reminder of the old day no longer counts, so the new day gets its own. */
    void move(String reference, TakenPlace place) {
        jdbc.sql("""
                        UPDATE appointment SET slot_id = ?, day = ?, start_time = ?, end_time = ?, reminder_sent_at = NULL
                        WHERE reference = ?""")
                .params(place.slotId(), place.day(), place.start(), place.end(), reference)
                .update();
    }

    /** Marks the day's confirmed appointments as reminded, once each whatever the node, and returns them. */
    List<Appointment> claimReminders(LocalDate day, Instant now) {
        return jdbc.sql("UPDATE appointment SET reminder_sent_at = ? WHERE day = ? AND status = 'CONFIRMED' "
                        + "AND reminder_sent_at IS NULL RETURNING " + APPOINTMENT_COLUMNS)
                .params(Timestamp.from(now), day)
                .query((rs, n) -> appointment(rs))
                .list();
    }

    Optional<Appointment> findByReference(String reference) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE reference = ?")
                .param(reference)
                .query((rs, n) -> appointment(rs))
                .optional();
    }

    private static final String VISIT_COLUMNS = APPOINTMENT_COLUMNS + ", checked_in_at, checked_in_by";

    /**
     * The branch's appointments of a day. {@code reference}, {@code documentNumber} and {@code name} are
     * the same text read three ways (null: no search): an exact reference or document number, or part
     * of the name in any case.
     */
    List<Attendance.Visit> visitsOfDay(String branchCode, LocalDate day, String serviceCode, AppointmentStatus status,
            String reference, String documentNumber, String name) {
        StringBuilder sql = new StringBuilder("SELECT " + VISIT_COLUMNS
                + " FROM appointment WHERE branch_code = :branch AND day = :day");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("branch", branchCode);
        params.put("day", day);
        if (serviceCode != null) {
            sql.append(" AND service_code = :service");
            params.put("service", serviceCode);
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (name != null) {
            sql.append(" AND (reference = :reference OR document_number = :document"
                    + " OR full_name ILIKE '%' || :name || '%' ESCAPE '\\')");
            params.put("reference", reference);
            params.put("document", documentNumber);
            params.put("name", name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        sql.append(" ORDER BY start_time, full_name, reference");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> visit(rs)).list();
    }

    Optional<Attendance.Visit> findVisit(String reference) {
        return jdbc.sql("SELECT " + VISIT_COLUMNS + " FROM appointment WHERE reference = ?").param(reference)
                .query((rs, n) -> visit(rs)).optional();
    }

    void recordCheckIn(String reference, AppointmentStatus status, Instant now, String officer) {
        jdbc.sql("UPDATE appointment SET status = ?, checked_in_at = ?, checked_in_by = ? WHERE reference = ?")
                .params(status.name(), Timestamp.from(now), officer, reference).update();
    }

    void recordLate(String reference, AppointmentStatus status, Instant now) {
        jdbc.sql("UPDATE appointment SET status = ?, late_at = ? WHERE reference = ?")
                .params(status.name(), Timestamp.from(now), reference).update();
    }

    /**
     * CONFIRMED appointments of days before {@code today} become NO_SHOW, in one statement; returns the
     * slot of each, to give its place back. Rows another node (or the counter) holds are skipped, so
     * each appointment is marked once whatever runs at the same time; a skipped one is marked next time.
     */
    List<Long> markNoShows(LocalDate today, Instant now) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM appointment WHERE status = 'CONFIRMED' AND day < :today
                            FOR UPDATE SKIP LOCKED)
                        UPDATE appointment a SET status = 'NO_SHOW', no_show_at = :now
                        FROM due WHERE a.id = due.id
                        RETURNING a.slot_id""")
                .param("now", Timestamp.from(now))
                .param("today", today)
                .query(Long.class)
                .list();
    }

    private static Attendance.Visit visit(ResultSet rs) throws SQLException {
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new Attendance.Visit(appointment(rs), checkedIn == null ? null : checkedIn.toInstant(),
                rs.getString("checked_in_by"));
    }

    private static Appointment appointment(ResultSet rs) throws SQLException {
        return new Appointment(rs.getString("reference"), AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("branch_code"), rs.getString("service_code"), rs.getObject("day", LocalDate.class),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                new Applicant(rs.getString("full_name"), DocumentType.valueOf(rs.getString("document_type")),
                        rs.getString("document_number"), rs.getString("nationality"), rs.getString("email"),
                        rs.getString("phone")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("language"));
    }

    private String draftJson(ApplicantInput draft) {
        return draft == null ? null : json.writeValueAsString(draft);
    }

    ApplicantInput draft(String text) {
        return text == null ? null : json.readValue(text, ApplicantInput.class);
    }
}
