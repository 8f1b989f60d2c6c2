package my.gov.temujanji.schedule;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.platform.ReplicaReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleRepository {

    /**
     * A slot's row in the inventory: its capacity and the places not free, taken by holds and
     * appointments or given back but not yet offered again.
     */
    record SlotRow(int capacity, int taken) {
    }

    private final JdbcClient jdbc;
    /** The replicas when configured: for what applicants are shown only, never for what decides. */
    private final JdbcClient shown;

    ScheduleRepository(JdbcClient jdbc, ReplicaReads replicaReads) {
        this.jdbc = jdbc;
        this.shown = replicaReads.jdbc();
    }

    /**
     * A branch's hours, its state's weekend and its closures in a date range, in one round trip: this
     * is read on every booking.
     */
    BranchCalendar calendar(String branchCode, LocalDate from, LocalDate to) {
        return calendar(jdbc, branchCode, from, to);
    }

    /** The calendar as applicants are shown it, read from the replicas when configured. */
    BranchCalendar shownCalendar(String branchCode, LocalDate from, LocalDate to) {
        return calendar(shown, branchCode, from, to);
    }

    private static BranchCalendar calendar(JdbcClient jdbc, String branchCode, LocalDate from, LocalDate to) {
        Map<DayOfWeek, List<WeeklyHours.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        Set<DayOfWeek> weekend = new HashSet<>();
        Map<LocalDate, LocalizedText> closures = new HashMap<>();
        // Where two closures fall on one day, the federal holiday names it, then the state's.
        jdbc.sql("""
                        SELECT 'H' AS kind, day_of_week, opens, closes, NULL::date AS day, NULL AS name_ms, NULL AS name_en,
                               0 AS rank
                        FROM opening_hours WHERE branch_code = :branch
                        UNION ALL
                        SELECT 'W', w.day_of_week, NULL, NULL, NULL, NULL, NULL, 0
                        FROM state_weekend w JOIN branch b ON b.state_code = w.state_code WHERE b.code = :branch
                        UNION ALL
                        SELECT 'C', NULL, NULL, NULL, c.day, c.name_ms, c.name_en,
                               array_position(ARRAY['FEDERAL', 'STATE', 'BRANCH'], c.kind)::bigint * 1000000000 + c.id
                        FROM closure c
                        WHERE c.day BETWEEN :from AND :to
                          AND (c.branch_code = :branch OR EXISTS (
                                SELECT 1 FROM closure_state cs JOIN branch b ON b.state_code = cs.state_code
                                WHERE cs.closure_id = c.id AND b.code = :branch))
                        ORDER BY kind, day, rank""")
                .param("branch", branchCode)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    switch (rs.getString("kind")) {
                        case "H" -> hours.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), d -> new ArrayList<>())
                                .add(new WeeklyHours.Interval(rs.getObject("opens", LocalTime.class),
                                        rs.getObject("closes", LocalTime.class)));
                        case "W" -> weekend.add(DayOfWeek.of(rs.getInt("day_of_week")));
                        default -> closures.putIfAbsent(rs.getObject("day", LocalDate.class),
                                new LocalizedText(rs.getString("name_ms"), rs.getString("name_en")));
                    }
                });
        return new BranchCalendar(new WeeklyHours(hours), weekend, closures);
    }

    /** The places taken in a range as applicants are shown them, read from the replicas when configured. */
    Map<LocalDate, Map<LocalTime, SlotRow>> shownSlotRows(String branchCode, String serviceCode, LocalDate from, LocalDate to,
            Instant now) {
        Map<LocalDate, Map<LocalTime, SlotRow>> rows = new HashMap<>();
        shown.sql("""
                        SELECT day, start_time, capacity,\s""" + PlaceSql.occupied("slot", "?") + """
                         FROM slot
                        WHERE branch_code = ? AND service_code = ? AND day BETWEEN ? AND ?""")
                .params(Timestamp.from(now), branchCode, serviceCode, from, to)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new HashMap<>())
                            .put(rs.getObject(2, LocalTime.class), new SlotRow(rs.getInt(3), rs.getInt(4)));
                });
        return rows;
    }

    /** The inventory rows of every transaction type of a branch in a date range, by service code. */
    /** Branch, then service, day and start: the slot rows of the branches over the range. */
    Map<String, Map<String, Map<LocalDate, Map<LocalTime, SlotRow>>>> slotRowsAt(Collection<String> branchCodes,
            LocalDate from, LocalDate to) {
        Map<String, Map<String, Map<LocalDate, Map<LocalTime, SlotRow>>>> rows = new HashMap<>();
        if (branchCodes.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                        SELECT branch_code, service_code, day, start_time, capacity,\s""" + PlaceSql.taken("slot") + """
                         FROM slot
                        WHERE branch_code IN (:branches) AND day BETWEEN :from AND :to""")
                .param("branches", List.copyOf(branchCodes))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getString(1), b -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), s -> new HashMap<>())
                            .computeIfAbsent(rs.getObject(3, LocalDate.class), d -> new HashMap<>())
                            .put(rs.getObject(4, LocalTime.class), new SlotRow(rs.getInt(5), rs.getInt(6)));
                });
        return rows;
    }

    /** Gives a new branch the weekly hours of another, in the caller's transaction; answers the rows copied. */
    int copyHours(String fromBranch, String toBranch) {
        return jdbc.sql("""
                        INSERT INTO opening_hours (branch_code, day_of_week, opens, closes)
                        SELECT ?, day_of_week, opens, closes FROM opening_hours WHERE branch_code = ?""")
                .params(toBranch, fromBranch)
                .update();
    }
}
