package my.gov.temujanji.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many appointments each branch had on each day, by what became of them: the figures of the
 * back office's reports. Counted by the appointment's day (not the day it was booked or cancelled).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AppointmentFigures {

    /**
     * One branch's day. {@code booked} counts the appointments for that day that still hold their place
     * or were used: CONFIRMED, CHECKED_IN, LATE and NO_SHOW (not CANCELLED, and not PENDING or EXPIRED,
     * which were never confirmed). The other counts are one status each.
     */
    record DayFigures(String branchCode, LocalDate day, int booked, int checkedIn, int late, int noShow,
            int cancelled) {
    }

    private final JdbcClient jdbc;

    /** The days of the branches that had at least one appointment, by branch code and day. */
    List<DayFigures> daily(Collection<String> branchCodes, LocalDate from, LocalDate to) {
        if (branchCodes.isEmpty()) {
            return List.of();
        }
        // Status names of every back-office branch (counter: CHECKED_IN, LATE, NO_SHOW), as text.
        return jdbc.sql("""
                        SELECT branch_code, day,
                               count(*) FILTER (WHERE status IN ('CONFIRMED', 'CHECKED_IN', 'LATE', 'NO_SHOW')),
                               count(*) FILTER (WHERE status = 'CHECKED_IN'),
                               count(*) FILTER (WHERE status = 'LATE'),
                               count(*) FILTER (WHERE status = 'NO_SHOW'),
                               count(*) FILTER (WHERE status = 'CANCELLED')
                        FROM appointment
                        WHERE branch_code IN (:branches) AND day BETWEEN :from AND :to
                        GROUP BY branch_code, day
                        ORDER BY branch_code, day""")
                .param("branches", List.copyOf(branchCodes))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new DayFigures(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    /**
     * One branch's figures of a transaction type over a release's days: the appointments that hold or
     * used their place, and when the last of them was booked (null when none).
     */
    public record ReleaseFigures(String branchCode, int booked, Instant lastBookedAt) {
    }

    public List<ReleaseFigures> ofRelease(String service, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT branch_code, count(*), max(created_at) FROM appointment
                        WHERE service_code = ? AND day BETWEEN ? AND ?
                          AND status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN', 'LATE', 'NO_SHOW')
                        GROUP BY branch_code""")
                .params(service, from, to)
                .query((rs, n) -> new ReleaseFigures(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** An appointment a member of staff cancelled, by whom it was for. */
    public record StaffCancellation(String branchCode, String documentType, String documentNumber, String email) {
    }

    /** The appointments of a transaction type over a release's days that staff cancelled. */
    public List<StaffCancellation> cancelledByStaff(String service, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT branch_code, document_type, document_number, email FROM appointment
                        WHERE service_code = ? AND day BETWEEN ? AND ? AND status = 'CANCELLED'
                          AND cancelled_by_staff IS NOT NULL""")
                .params(service, from, to)
                .query((rs, n) -> new StaffCancellation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }
}
