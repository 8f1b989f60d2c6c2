package my.gov.temujanji.reports;

import java.time.LocalDate;
import java.util.List;
import my.gov.temujanji.platform.LocalizedText;

/**
 * The figures of a period: one row per branch and day (days with no places and no appointments are
 * left out), the totals of each day over those branches (the chart's data), and the grand total.
 */
record Report(LocalDate from, LocalDate to, List<Row> rows, List<Row> days, Figures total) {

    /** What a branch (or, for a day's total, every branch in the report) had on a day. */
    record Row(String branchCode, LocalizedText branchName, LocalDate day, Figures figures) {
    }

    /**
     * {@code capacity}: places the schedule offered. {@code booked}: appointments for the day that are
     * CONFIRMED, CHECKED_IN, LATE or NO_SHOW. The rest count one status each.
     */
    record Figures(int capacity, int booked, int checkedIn, int late, int noShow, int cancelled) {

        static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(capacity + other.capacity, booked + other.booked, checkedIn + other.checkedIn,
                    late + other.late, noShow + other.noShow, cancelled + other.cancelled);
        }

        boolean empty() {
            return equals(ZERO);
        }
    }
}
