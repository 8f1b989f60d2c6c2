package my.gov.temujanji.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import my.gov.temujanji.schedule.DayAvailability;
import my.gov.temujanji.schedule.DayStatus;

/**
 * One month of a branch's transaction type laid out for the TARIKH TEMUJANJI page: weeks from Monday
 * to Sunday (null where a week runs into the next or previous month), the days that cannot be chosen
 * grouped by reason (closed or not bookable: the reason is printed under the calendar, not only in a
 * tooltip a phone never shows), and the neighbouring months that are inside the booking window (null
 * outside it).
 */
public record MonthCalendar(YearMonth month, List<List<DayAvailability>> weeks, List<Closure> closures, YearMonth previous,
        YearMonth next) {

    /** Days that cannot be chosen for one reason (a holiday, the weekend, too soon), in date order. */
    public record Closure(String reason, List<LocalDate> dates) {
    }

    /**
     * @param days every day of {@code month}, in order
     * @param first the first month of the booking window
     * @param last the last month of the booking window
     */
    static MonthCalendar of(YearMonth month, List<DayAvailability> days, YearMonth first, YearMonth last,
            Locale locale) {
        List<List<DayAvailability>> weeks = new ArrayList<>();
        List<DayAvailability> week = new ArrayList<>(Collections.nCopies(
                month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue(), null));
        for (DayAvailability day : days) {
            week.add(day);
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            week.addAll(Collections.nCopies(7 - week.size(), null));
            weeks.add(week);
        }
        Map<String, List<LocalDate>> closed = new LinkedHashMap<>();
        days.stream().filter(d -> (d.status() == DayStatus.CLOSED || d.status() == DayStatus.NOT_BOOKABLE) && d.reason() != null)
                .forEach(d -> closed.computeIfAbsent(d.reason().in(locale), r -> new ArrayList<>()).add(d.date()));
        List<Closure> closures = closed.entrySet().stream().map(e -> new Closure(e.getKey(), e.getValue())).toList();
        return new MonthCalendar(month, weeks, closures, month.isAfter(first) ? month.minusMonths(1) : null,
                month.isBefore(last) ? month.plusMonths(1) : null);
    }

    /** Whether a day of the month is full: the page then offers the waitlist. */
    public boolean anyFull() {
        return weeks.stream().flatMap(List::stream).anyMatch(d -> d != null && d.status() == DayStatus.FULL);
    }

    /** A column heading: the short name shown, the full name for screen readers. */
    public record Weekday(String shortName, String fullName) {
    }

    /** Monday first, whatever the branch's weekend: the order Malaysian calendars print. */
    public static List<Weekday> weekdays(Locale locale) {
        return Arrays.stream(DayOfWeek.values())
                .map(d -> new Weekday(d.getDisplayName(TextStyle.SHORT, locale), d.getDisplayName(TextStyle.FULL, locale)))
                .toList();
    }
}
