package my.gov.temujanji.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.reports.AppointmentFigures.DayFigures;
import my.gov.temujanji.schedule.PlacesOffered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together a report from the schedule's places and the appointments' statuses. */
@Service
@RequiredArgsConstructor
class Reports {

    /** The longest period one report covers: about a quarter. */
    static final int MAX_DAYS = 92;

    private final PlacesOffered placesOffered;
    private final AppointmentFigures appointments;

    /** The report of the branches (already checked against the reader's scope) over {@code from..to}. */
    @Transactional(readOnly = true)
    Report of(List<Branch> branches, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, DayFigures>> booked = new HashMap<>();
        for (DayFigures f : appointments.daily(branches.stream().map(Branch::code).toList(), from, to)) {
            booked.computeIfAbsent(f.branchCode(), b -> new HashMap<>()).put(f.day(), f);
        }
        List<Report.Row> rows = new ArrayList<>();
        Map<LocalDate, Report.Figures> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, Report.Figures.ZERO);
        }
        Map<String, Map<LocalDate, Integer>> offered = placesOffered.byDay(
                branches.stream().map(Branch::code).toList(), from, to);
        for (Branch branch : branches) {
            Map<LocalDate, Integer> places = offered.get(branch.code());
            Map<LocalDate, DayFigures> counted = booked.getOrDefault(branch.code(), Map.of());
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                DayFigures f = counted.get(day);
                Report.Figures figures = f == null ? new Report.Figures(places.get(day), 0, 0, 0, 0, 0)
                        : new Report.Figures(places.get(day), f.booked(), f.checkedIn(), f.late(), f.noShow(),
                                f.cancelled());
                if (!figures.empty()) {
                    rows.add(new Report.Row(branch.code(), branch.name(), day, figures));
                    days.merge(day, figures, Report.Figures::plus);
                }
            }
        }
        rows.sort(java.util.Comparator.comparing(Report.Row::branchCode).thenComparing(Report.Row::day));
        List<Report.Row> totals = days.entrySet().stream()
                .map(e -> new Report.Row(null, null, e.getKey(), e.getValue())).toList();
        Report.Figures total = totals.stream().map(Report.Row::figures).reduce(Report.Figures.ZERO, Report.Figures::plus);
        return new Report(from, to, List.copyOf(rows), totals, total);
    }
}
