package my.gov.temujanji.reports;

import java.time.LocalDate;
import java.util.List;
import my.gov.temujanji.platform.DayRange;
import my.gov.temujanji.platform.IsoDay;
import my.gov.temujanji.platform.Typed;

/**
 * The report's question as typed: a branch code (blank for every branch the reader may see) and a
 * period, by default the last {@value #DEFAULT_DAYS_EACH_SIDE} days and the next as many.
 */
@DayRange(message = "{reports.error.order}", maxDays = Reports.MAX_DAYS, tooLong = "{reports.error.long}")
record ReportForm(String branch, @IsoDay(message = "{reports.error.date}") String from,
        @IsoDay(message = "{reports.error.date}") String to) implements DayRange.Period {

    static final int DEFAULT_DAYS_EACH_SIDE = 7;
    static final List<String> FIELDS = List.of("from", "to");

    String branchTyped() {
        return Typed.text(branch);
    }

    @Override
    public LocalDate firstDay(LocalDate today) {
        return IsoDay.Check.dayOr(from, today.minusDays(DEFAULT_DAYS_EACH_SIDE));
    }

    @Override
    public LocalDate lastDay(LocalDate today) {
        return IsoDay.Check.dayOr(to, today.plusDays(DEFAULT_DAYS_EACH_SIDE));
    }

    /** What the form shows in a field: the default day for a blank one, otherwise what was typed. */
    static String shown(String typed, LocalDate day) {
        String text = Typed.text(typed);
        return text.isEmpty() && day != null ? day.toString() : text;
    }
}
