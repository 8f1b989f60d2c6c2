package my.gov.temujanji.counter;

import static my.gov.temujanji.booking.AppointmentRows.COLUMNS;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentManagement;
import my.gov.temujanji.booking.AppointmentRows;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.platform.DocumentNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether applicants came (kehadiran): the appointments of a branch's day as the counter sees them,
 * read here, and the changes the counter makes, written by booking ({@link AppointmentManagement}).
 */
@Service
@RequiredArgsConstructor
class Attendance {

    /** An appointment with what the counter recorded: who checked the applicant in, and when. */
    record Visit(Appointment appointment, Instant checkedInAt, String checkedInBy) {
    }

    /**
     * A visit on the day's list: {@code groupPosition} and {@code groupSize} place it in its group booking
     * (null and 1 when booked alone).
     */
    record Listed(Visit visit, Integer groupPosition, int groupSize) {
    }

    /**
     * What the counter's list asks for; null or blank values do not filter. {@code text} is a reference,
     * a document number (with or without dashes) or part of a name.
     */
    record DayFilter(String serviceCode, AppointmentStatus status, String text) {
    }

    private static final String VISIT_COLUMNS = COLUMNS + ", checked_in_at, checked_in_by";

    private final JdbcClient jdbc;
    private final AppointmentManagement appointments;
    private final Clock clock;

    /**
     * The branch's appointments of the day, by time then name. The search text is read three ways: an
     * exact reference or document number, or part of the name in any case.
     */
    List<Listed> ofDay(String branchCode, LocalDate day, DayFilter filter) {
        String text = filter.text() == null ? "" : filter.text().strip();
        StringBuilder sql = new StringBuilder("SELECT " + VISIT_COLUMNS + ", group_position, CASE WHEN group_id IS NULL"
                + " THEN 1 ELSE (SELECT count(*) FROM appointment m WHERE m.group_id = appointment.group_id) END"
                + " AS group_size FROM appointment WHERE branch_code = :branch AND day = :day");
        Map<String, Object> params = new HashMap<>();
        params.put("branch", branchCode);
        params.put("day", day);
        if (filter.serviceCode() != null && !filter.serviceCode().isBlank()) {
            sql.append(" AND service_code = :service");
            params.put("service", filter.serviceCode().strip());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (!text.isEmpty()) {
            sql.append(" AND (reference = :reference OR document_number = :document"
                    + " OR full_name ILIKE '%' || :name || '%' ESCAPE '\\')");
            params.put("reference", Reference.normalise(text));
            params.put("document", DocumentNumbers.normalise(text));
            params.put("name", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        // A group's people stand together, at its first time and under its applicant's name, in their
        // order; a group may take consecutive slots, and each row still shows its own time.
        sql.append(" WINDOW booking AS (PARTITION BY coalesce(group_id::text, reference))"
                + " ORDER BY min(start_time) OVER booking, first_value(full_name) OVER (booking ORDER BY group_position),"
                + " coalesce(group_id::text, reference), group_position, start_time, full_name, reference");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Listed(visit(rs),
                rs.getObject("group_position", Integer.class), rs.getInt("group_size"))).list();
    }

    Optional<Visit> find(String reference) {
        return jdbc.sql("SELECT " + VISIT_COLUMNS + " FROM appointment WHERE reference = ?")
                .param(Reference.normalise(reference)).query((rs, n) -> visit(rs)).optional();
    }

    /** The appointment, locked until the caller's transaction ends: decide, then change it. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Visit> lock(String reference) {
        return appointments.lock(reference).flatMap(a -> find(reference));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Visit checkIn(String reference, String officer) {
        Instant now = clock.instant();
        return new Visit(appointments.checkIn(reference, officer, now), now, officer);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Visit markLate(String reference) {
        return new Visit(appointments.markLate(reference), null, null);
    }

    int markNoShows(LocalDate today) {
        return appointments.markNoShows(today);
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new Visit(AppointmentRows.appointment(rs), checkedIn == null ? null : checkedIn.toInstant(),
                rs.getString("checked_in_by"));
    }
}
