package my.gov.temujanji.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import org.springframework.stereotype.Service;

/**
 * What the branches' schedules offered, day by day, for the reports: apart from {@link Availability},
 * which answers applicants within the booking window and may answer from its caches.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PlacesOffered {

    private final Catalogue catalogue;
    private final ScheduleRepository repository;

    /**
     * The places a branch's schedule offers on each day of a range, over every transaction type it
     * offers now: for each day it serves (its hours, less its state's weekend and its closures), the
     * places of every slot of the day, as the slot inventory has them once a slot was booked, else the
     * offering's capacity. Past days count too, and the booking window does not apply: this is what
     * the branch was set to serve, for reports. Read fresh, never cached.
     */
    public Map<String, Map<LocalDate, Integer>> byDay(Collection<String> branchCodes, LocalDate from,
            LocalDate to) {
        // The slot inventory of every branch in one read: a report over all branches asked for it 45 times.
        Map<String, Map<String, Map<LocalDate, Map<LocalTime, ScheduleRepository.SlotRow>>>> rows =
                repository.slotRowsAt(branchCodes, from, to);
        Map<String, Map<LocalDate, Integer>> places = new HashMap<>();
        for (String branchCode : branchCodes) {
            places.put(branchCode, byDay(branchCode, from, to, rows.getOrDefault(branchCode, Map.of())));
        }
        return places;
    }

    private Map<LocalDate, Integer> byDay(String branchCode, LocalDate from, LocalDate to,
            Map<String, Map<LocalDate, Map<LocalTime, ScheduleRepository.SlotRow>>> rows) {
        BranchCalendar calendar = repository.calendar(branchCode, from, to);
        List<Offering> offered = catalogue.offeringsAt(branchCode);
        Map<LocalDate, Integer> places = new TreeMap<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            int total = 0;
            if (!calendar.closures().containsKey(date)) {
                for (Offering offering : offered) {
                    Map<LocalTime, ScheduleRepository.SlotRow> day = rows.getOrDefault(offering.type().code(), Map.of())
                            .getOrDefault(date, Map.of());
                    for (WeeklyHours.Interval slot : calendar.hours().slotsOn(date.getDayOfWeek(), offering.slotMinutes())) {
                        ScheduleRepository.SlotRow row = day.get(slot.opens());
                        total += row != null ? row.capacity() : offering.capacity();
                    }
                }
            }
            places.put(date, total);
        }
        return places;
    }
}
