package my.gov.temujanji.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleRepository {

    /** A slot's row in the inventory: its capacity and the places taken by holds and appointments. */
    record SlotRow(int capacity, int taken) {
    }

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BranchCalendar calendar(String branchCode, LocalDate from, LocalDate to) {
        Map<DayOfWeek, List<WeeklyHours.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, opens, closes FROM opening_hours WHERE branch_code = ?")
                .param(branchCode)
                .query(rs -> {
                    hours.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new WeeklyHours.Interval(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                });
        Set<DayOfWeek> weekend = new HashSet<>();
        jdbc.sql("""
                        SELECT w.day_of_week FROM state_weekend w JOIN branch b ON b.state_code = w.state_code
                        WHERE b.code = ?""")
                .param(branchCode)
                .query(rs -> {
                    weekend.add(DayOfWeek.of(rs.getInt(1)));
                });
        Map<LocalDate, LocalizedText> closures = new HashMap<>();
        // Where two closures fall on one day, the federal holiday names it, then the state's.
        jdbc.sql("""
                        SELECT c.day, c.name_ms, c.name_en FROM closure c
                        WHERE c.day BETWEEN ? AND ?
                          AND (c.branch_code = ? OR EXISTS (
                                SELECT 1 FROM closure_state cs JOIN branch b ON b.state_code = cs.state_code
                                WHERE cs.closure_id = c.id AND b.code = ?))
                        ORDER BY c.day, array_position(ARRAY['FEDERAL', 'STATE', 'BRANCH'], c.kind), c.id""")
                .params(from, to, branchCode, branchCode)
                .query(rs -> {
                    closures.putIfAbsent(rs.getObject(1, LocalDate.class),
                            new LocalizedText(rs.getString(2), rs.getString(3)));
                });
        return new BranchCalendar(new WeeklyHours(hours), weekend, closures);
    }

    Map<LocalDate, Map<LocalTime, SlotRow>> slotRows(String branchCode, String serviceCode, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<LocalTime, SlotRow>> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT day, start_time, capacity, taken FROM slot
                        WHERE branch_code = ? AND service_code = ? AND day BETWEEN ? AND ?""")
                .params(branchCode, serviceCode, from, to)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new HashMap<>())
                            .put(rs.getObject(2, LocalTime.class), new SlotRow(rs.getInt(3), rs.getInt(4)));
                });
        return rows;
    }
}
