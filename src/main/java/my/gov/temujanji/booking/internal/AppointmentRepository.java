package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.booking.AppointmentRows.ACTIVE;
import static my.gov.temujanji.booking.AppointmentRows.COLUMNS;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.applicant.Relationship;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentRows;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.BookingGroup;
import my.gov.temujanji.schedule.PlaceSql;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code appointment} table, in explicit SQL: what decides correctness is in these statements.
 * Booking is its one writer; the counter and the reports read it ({@link AppointmentRows}).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AppointmentRepository {

    /** The appointment a key created, with the hash of the request that created it. */
    public record KeyedAppointment(Appointment appointment, String requestHash) {
    }

    /**
     * Upcoming active appointments (PENDING or CONFIRMED) of a document, and of an e-mail address; and the
     * document's active appointment of one transaction type, upcoming or not, if it has one.
     */
    public record ActiveCounts(int byDocument, int byEmail, Optional<Appointment> ofService) {
    }

    /** The appointment and its slot, locked until the caller's transaction ends. */
    public record LockedAppointment(Appointment appointment, long slotId) {
    }

    private final JdbcClient jdbc;

    /**
     * Writes a new appointment and, for one that waits for its e-mailed code ({@code codeHash} not null),
     * the code's row ({@code confirmation_code}) in the same statement.
     */
    public void insertAppointment(String reference, AppointmentStatus status, TakenPlace place, Applicant applicant,
            String language, String idempotencyKey, String requestHash, Instant now, String codeHash,
            Instant codeExpiresAt) {
        insertAppointment(reference, status, place, applicant, language, idempotencyKey, requestHash, now, codeHash,
                codeExpiresAt, null);
    }

    /** Where a person of a group booking stands in it; null for an appointment booked alone. */
    public record GroupLink(long groupId, int position, LocalDate dateOfBirth, Relationship relationship) {
    }

    /** As above, for one person of a group booking ({@code group}; null: booked alone). */
    public void insertAppointment(String reference, AppointmentStatus status, TakenPlace place, Applicant applicant,
            String language, String idempotencyKey, String requestHash, Instant now, String codeHash,
            Instant codeExpiresAt, GroupLink group) {
        String insert = """
                INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
                    status, full_name, document_type, document_number, nationality, email, phone, language,
                    idempotency_key, request_hash, created_at, group_id, group_position, date_of_birth, relationship)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        List<Object> params = new ArrayList<>(Arrays.asList(reference, place.slotId(), place.branchCode(),
                place.serviceCode(), place.day(), place.start(), place.end(), status.name(), applicant.fullName(),
                applicant.documentType().name(), applicant.documentNumber(), applicant.nationality(), applicant.email(),
                applicant.phone(), language, idempotencyKey, requestHash, Timestamp.from(now),
                group == null ? null : group.groupId(), group == null ? null : group.position(),
                group == null ? null : group.dateOfBirth(), group == null ? null : group.relationship().name()));
        if (codeHash != null) {
            insert = "WITH made AS (" + insert + " RETURNING reference) INSERT INTO confirmation_code (reference, "
                    + "code_hash, expires_at) SELECT reference, ?, ? FROM made";
            params.addAll(List.of(codeHash, Timestamp.from(codeExpiresAt)));
        }
        jdbc.sql(insert).params(params).update();
    }

    public void lock(String... keys) {
        jdbc.sql("SELECT " + String.join(", ", Collections.nCopies(keys.length, "pg_advisory_xact_lock(hashtextextended(?, 0))")))
                .params((Object[]) keys).query().singleRow();
    }

    public long insertGroup(Instant now) {
        return jdbc.sql("INSERT INTO booking_group (created_at) VALUES (?) RETURNING id").param(Timestamp.from(now))
                .query(Long.class).single();
    }

    /** The group the appointment with this reference belongs to, every person in position order; empty when booked alone. */
    public Optional<BookingGroup> findGroupOf(String reference) {
        List<BookingGroup.Member> members = jdbc.sql("SELECT " + COLUMNS + """
                        , group_id, group_position, date_of_birth, relationship FROM appointment
                        WHERE group_id = (SELECT group_id FROM appointment WHERE reference = ?)
                        ORDER BY group_position""")
                .param(reference)
                .query((rs, n) -> new BookingGroup.Member(rs.getInt("group_position"), AppointmentRows.appointment(rs),
                        rs.getObject("date_of_birth", LocalDate.class), Relationship.valueOf(rs.getString("relationship"))))
                .list();
        if (members.isEmpty()) {
            return Optional.empty();
        }
        long id = jdbc.sql("SELECT group_id FROM appointment WHERE reference = ?").param(reference).query(Long.class).single();
        return Optional.of(new BookingGroup(id, members));
    }

    public Optional<KeyedAppointment> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + ", request_hash FROM appointment WHERE idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new KeyedAppointment(AppointmentRows.appointment(rs), rs.getString("request_hash")))
                .optional();
    }

    /**
     * Whether the slot is full ({@link PlaceSql#FULL}) and no appointment was made with this key: a
     * request to refuse at once, in one statement, before any transaction or lock.
     */
    public boolean fullForNewKey(String branch, String service, LocalDate day, LocalTime start, String key,
            Instant now) {
        return jdbc.sql("SELECT " + PlaceSql.FULL
                        + " AND NOT EXISTS (SELECT 1 FROM appointment WHERE idempotency_key = :key)")
                .param("branch", branch).param("service", service).param("day", day).param("start", start)
                .param("now", Timestamp.from(now)).param("key", key)
                .query(Boolean.class).single();
    }


    /**
     * The counts behind the limits on hoarding and the appointment that refuses a second booking of the
     * type, in one statement: the counts are over every active row of the document or the address, and
     * the one row answered is the type's, when there is one.
     */
    public ActiveCounts countActive(DocumentType type, String documentNumber, String email, String serviceCode,
            LocalDateTime now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , document_type = :type AND document_number = :number AND service_code = :service AS of_service,
                               count(*) FILTER (WHERE day + start_time > :now AND document_type = :type
                                   AND document_number = :number) OVER () AS by_document,
                               -- A group booking is one booking of the address, however many people it is for.
                               (SELECT count(DISTINCT coalesce(-e.group_id, e.id)) FROM appointment e
                                 WHERE lower(e.email) = lower(:email) AND e.day + e.start_time > :now
                                   AND e.""" + ACTIVE + """
                               ) AS by_email
                        FROM appointment
                        WHERE ((document_type = :type AND document_number = :number) OR lower(email) = lower(:email))
                          AND\s""" + ACTIVE + " ORDER BY of_service DESC LIMIT 1")
                .param("type", type.name()).param("number", documentNumber).param("email", email)
                .param("service", serviceCode).param("now", now)
                .query((rs, n) -> new ActiveCounts(rs.getInt("by_document"), rs.getInt("by_email"),
                        rs.getBoolean("of_service") ? Optional.of(AppointmentRows.appointment(rs)) : Optional.empty()))
                .optional()
                .orElse(new ActiveCounts(0, 0, Optional.empty()));
    }

    /** Confirms a PENDING appointment; false when it is no longer pending. */
    public boolean confirm(String reference, Instant now) {
        // The applicant's code confirms the people of their group with them (theirs is the one code).
        return jdbc.sql("""
                        UPDATE appointment SET status = 'CONFIRMED', confirmed_at = :now
                        WHERE status = 'PENDING' AND (reference = :reference OR group_id = (
                            SELECT group_id FROM appointment WHERE reference = :reference AND status = 'PENDING'
                              AND group_position = 0))""")
                .param("now", Timestamp.from(now)).param("reference", reference).update() >= 1;
    }

    /** The branch of an appointment, unlocked: what its transaction locks first (it never changes). */
    public Optional<String> branchOfAppointment(String reference) {
        return jdbc.sql("SELECT branch_code FROM appointment WHERE reference = ?").param(reference)
                .query(String.class).optional();
    }

    public Optional<LockedAppointment> lockByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + ", slot_id FROM appointment WHERE reference = ? FOR UPDATE")
                .param(reference)
                .query((rs, n) -> new LockedAppointment(AppointmentRows.appointment(rs), rs.getLong("slot_id")))
                .optional();
    }

    public void updateStatus(String reference, AppointmentStatus status, Instant now) {
        jdbc.sql("UPDATE appointment SET status = ?, cancelled_at = CASE WHEN ? IN ('CANCELLED', 'EXPIRED') THEN ?::timestamptz END WHERE reference = ?")
                .params(status.name(), status.name(), Timestamp.from(now), reference)
                .update();
    }

    /** Up to {@code places} active (confirmed or pending) appointments of a slot, locked, latest booked first. */
    public List<Appointment> lockLatestActive(long slotId, int places) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE slot_id = ? AND " + ACTIVE
                        + " ORDER BY created_at DESC, id DESC LIMIT ? FOR UPDATE")
                .params(slotId, places)
                .query((rs, n) -> AppointmentRows.appointment(rs))
                .list();
    }

    public void cancelByStaff(String reference, String staff, Instant now) {
        jdbc.sql("UPDATE appointment SET status = 'CANCELLED', cancelled_at = ?, cancelled_by_staff = ? WHERE reference = ?")
                .params(Timestamp.from(now), staff, reference)
                .update();
    }

    /** Moves to another place; the reminder of the old day no longer counts, so the new day gets its own. */
    public void move(String reference, TakenPlace place) {
        jdbc.sql("""
                        UPDATE appointment SET slot_id = ?, day = ?, start_time = ?, end_time = ?, reminder_sent_at = NULL
                        WHERE reference = ?""")
                .params(place.slotId(), place.day(), place.start(), place.end(), reference)
                .update();
    }

    /** Marks the day's confirmed appointments as reminded, once each whatever the node, and returns them. */
    public List<Appointment> claimReminders(LocalDate day, Instant now) {
        return jdbc.sql("UPDATE appointment SET reminder_sent_at = ? WHERE day = ? AND status = 'CONFIRMED' "
                        + "AND reminder_sent_at IS NULL RETURNING " + COLUMNS)
                .params(Timestamp.from(now), day)
                .query((rs, n) -> AppointmentRows.appointment(rs))
                .list();
    }

    public Optional<Appointment> findByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE reference = ?")
                .param(reference)
                .query((rs, n) -> AppointmentRows.appointment(rs))
                .optional();
    }

    public void recordCheckIn(String reference, AppointmentStatus status, Instant now, String officer) {
        jdbc.sql("UPDATE appointment SET status = ?, checked_in_at = ?, checked_in_by = ? WHERE reference = ?")
                .params(status.name(), Timestamp.from(now), officer, reference).update();
    }

    public void recordLate(String reference, AppointmentStatus status, Instant now) {
        jdbc.sql("UPDATE appointment SET status = ?, late_at = ? WHERE reference = ?")
                .params(status.name(), Timestamp.from(now), reference).update();
    }

    /**
     * CONFIRMED appointments of days before {@code today} become NO_SHOW, in one statement; returns the
     * slot of each, to give its place back. Rows another node (or the counter) holds are skipped, so
     * each appointment is marked once whatever runs at the same time; a skipped one is marked next time.
     */
    public List<Long> markNoShows(LocalDate today, Instant now) {
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
}
