package my.gov.temujanji.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a branch's schedule, for branch configuration: weekly hours, branch closures (cuti
 * peristiwa), and the slot rows a change leaves behind. A change runs in one transaction that first
 * takes {@link #lockBranch}, then changes the schedule, then frees the places no longer offered
 * ({@link #futureSlots} says which) and last {@link #alignSlots}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ScheduleAdministration {

    /** A branch's own closure of one day. */
    public record Closure(long id, LocalDate day, LocalizedText name) {
    }

    /**
     * A future slot row of the branch as the schedule now stands: {@code allowed} is how many of its
     * {@code taken} places may stay (0 when the slot is no longer offered: closed day, other hours or
     * slot length; all of them when the offering or the branch is switched off; otherwise the offering's
     * capacity).
     */
    public record SlotState(long id, String serviceCode, LocalDate day, LocalTime start, LocalTime end, int capacity,
            int taken, int allowed) {

        public int excess() {
            return Math.max(0, taken - allowed);
        }
    }

    private final JdbcClient jdbc;
    private final ScheduleRepository repository;
    private final Catalogue catalogue;
    private final Availability availability;
    private final Clock clock;

    /**
     * Takes the branch's schedule lock exclusively until the transaction ends: places being taken at the
     * branch finish first, and none is taken until this transaction ends (see BranchScheduleLock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockBranch(String branchCode) {
        BranchScheduleLock.exclusive(jdbc, branchCode);
        availability.forget(branchCode);
    }

    public WeeklyHours hours(String branchCode) {
        Map<DayOfWeek, List<WeeklyHours.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, opens, closes FROM opening_hours WHERE branch_code = ? ORDER BY day_of_week, opens")
                .param(branchCode)
                .query(rs -> {
                    hours.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new WeeklyHours.Interval(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                });
        return new WeeklyHours(hours);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceHours(String branchCode, WeeklyHours hours) {
        jdbc.sql("DELETE FROM opening_hours WHERE branch_code = ?").param(branchCode).update();
        hours.intervals().forEach((day, intervals) -> intervals.forEach(interval -> jdbc.sql("""
                        INSERT INTO opening_hours (branch_code, day_of_week, opens, closes) VALUES (?, ?, ?, ?)""")
                .params(branchCode, day.getValue(), interval.opens(), interval.closes())
                .update()));
    }

    /** The branch's own closures from {@code from} on, by date. */
    public List<Closure> closures(String branchCode, LocalDate from) {
        return jdbc.sql("""
                        SELECT id, day, name_ms, name_en FROM closure
                        WHERE kind = 'BRANCH' AND branch_code = ? AND day >= ? ORDER BY day, id""")
                .params(branchCode, from)
                .query((rs, n) -> closure(rs))
                .list();
    }

    /** Whether the branch is already closed that day by a closure of its own. */
    public boolean closedByBranch(String branchCode, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM closure WHERE kind = 'BRANCH' AND branch_code = ? AND day = ?)")
                .params(branchCode, day).query(Boolean.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Closure addClosure(String branchCode, LocalDate day, LocalizedText name) {
        return jdbc.sql("""
                        INSERT INTO closure (day, kind, name_ms, name_en, branch_code) VALUES (?, 'BRANCH', ?, ?, ?)
                        RETURNING id, day, name_ms, name_en""")
                .params(day, name.ms(), name.en(), branchCode)
                .query((rs, n) -> closure(rs))
                .single();
    }

    /** Removes one of the branch's own closures; the removed one, or none when it was not the branch's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<Closure> removeClosure(String branchCode, long id) {
        return jdbc.sql("""
                        DELETE FROM closure WHERE id = ? AND kind = 'BRANCH' AND branch_code = ?
                        RETURNING id, day, name_ms, name_en""")
                .params(id, branchCode)
                .query((rs, n) -> closure(rs))
                .optional();
    }

    /**
     * The branch's slot rows from now on, judged against the schedule as it stands in the caller's
     * transaction (so after the change it made). Slots that have begun are left alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SlotState> futureSlots(String branchCode) {
        LocalDateTime now = LocalDateTime.now(clock);
        record Row(long id, String service, LocalDate day, LocalTime start, LocalTime end, int capacity, int taken) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT id, service_code, day, start_time, end_time, capacity,\s""" + PlaceSql.taken("slot") + """
                         FROM slot
                        WHERE branch_code = ? AND (day > ? OR (day = ? AND start_time > ?))
                        ORDER BY day, start_time, service_code""")
                .params(branchCode, now.toLocalDate(), now.toLocalDate(), now.toLocalTime())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class), rs.getInt(6), rs.getInt(7)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        BranchCalendar calendar = repository.calendar(branchCode, rows.get(0).day(), rows.get(rows.size() - 1).day());
        Map<String, Offering> offerings = catalogue.allOfferingsAt(branchCode).stream()
                .collect(Collectors.toMap(o -> o.type().code(), Function.identity()));
        List<SlotState> states = new ArrayList<>();
        for (Row row : rows) {
            Offering offering = offerings.get(row.service());
            int allowed;
            if (!offering.offered()) {
                // Switched off (the offering or its branch): what was booked stays as it was, whatever changes.
                allowed = row.taken();
            } else {
                boolean open = !calendar.closures().containsKey(row.day())
                        && calendar.hours().slotsOn(row.day().getDayOfWeek(), offering.slotMinutes())
                                .contains(new WeeklyHours.Interval(row.start(), row.end()));
                allowed = open ? offering.capacity() : 0;
            }
            states.add(new SlotState(row.id(), row.service(), row.day(), row.start(), row.end(), row.capacity(),
                    row.taken(), allowed));
        }
        return states;
    }

    /**
     * The branch's future slot row, locked until the transaction ends, with its places taken now: count
     * and free places under this lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int lockSlot(long slotId) {
        return jdbc.sql("SELECT " + PlaceSql.taken("slot") + " FROM slot WHERE id = ? FOR UPDATE").param(slotId)
                .query(Integer.class).single();
    }

    /**
     * Brings the branch's future slot rows in line with its offerings, once the places they no longer
     * offer have been freed: each row of an offered offering gets its capacity (after the releases, so
     * that its place rows can shrink to it: the database refuses fewer places than are taken; a
     * switched-off one keeps its rows as they are), and an emptied row whose start is a slot of the new slot length gets that slot's end.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void alignSlots(String branchCode) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                        UPDATE slot s SET capacity = o.capacity FROM offering o JOIN branch b ON b.code = o.branch_code
                        WHERE o.branch_code = s.branch_code AND o.service_code = s.service_code AND o.active AND b.active
                          AND s.branch_code = ? AND (s.day > ? OR (s.day = ? AND s.start_time > ?))
                          AND s.capacity <> o.capacity""")
                .params(branchCode, now.toLocalDate(), now.toLocalDate(), now.toLocalTime())
                .update();
        List<SlotState> states = futureSlots(branchCode);
        if (states.isEmpty()) {
            return;
        }
        Map<String, Offering> offerings = catalogue.offeringsAt(branchCode).stream()
                .collect(Collectors.toMap(o -> o.type().code(), Function.identity()));
        WeeklyHours hours = hours(branchCode);
        for (SlotState state : states) {
            Offering offering = offerings.get(state.serviceCode());
            if (state.taken() > 0 || offering == null) {
                continue;
            }
            hours.slotsOn(state.day().getDayOfWeek(), offering.slotMinutes()).stream()
                    .filter(slot -> slot.opens().equals(state.start()) && !slot.closes().equals(state.end()))
                    .findFirst()
                    .ifPresent(slot -> jdbc.sql("UPDATE slot SET end_time = ? WHERE id = ? AND "
                                    + PlaceSql.taken("slot") + " = 0")
                            .params(slot.closes(), state.id()).update());
        }
    }

    private static Closure closure(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Closure(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                new LocalizedText(rs.getString("name_ms"), rs.getString("name_en")));
    }
}
