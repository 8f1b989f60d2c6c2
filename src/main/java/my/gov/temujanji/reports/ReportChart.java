package my.gov.temujanji.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the report's chart, drawn as SVG by the template (no script: the page's CSP allows
 * none). For each day three bars side by side: places offered, booked, checked in; the scale runs
 * from zero to the highest of them, rounded up to a tidy number. The day labels ("13/11") are wider
 * than a day's 30 units, so they are drawn slanted, ending under their day: slanted lines 30 apart
 * horizontally stand 21 apart across, well clear of an 11-unit line of text.
 */
record ReportChart(int width, int height, int plotTop, int plotBottom, int plotLeft, List<Tick> ticks, List<Day> days) {

    static final int HEIGHT = 260;
    static final int LABEL_ANGLE = -45;
    static final int LABEL_FONT = 11;
    /** Below the plot, where each slanted label starts (its end, under the day). */
    static final int LABEL_GAP = 12;
    private static final int TOP = 20;
    private static final int BOTTOM = 220;
    private static final int LEFT = 48;
    private static final int DAY_WIDTH = 30;
    private static final int BAR = 8;

    /** A line of the scale, at {@code y}. */
    record Tick(int value, int y) {
    }

    /** One day's bars: x of each and their tops (their bottoms are the plot's). */
    record Day(LocalDate date, Report.Figures figures, int x, int labelX, boolean labelled, int capacityY,
            int bookedY, int checkedInY) {

        /** The SVG transform that slants the day's label about its end. */
        public String labelTransform() {
            return "rotate(" + LABEL_ANGLE + " " + labelX + " " + (BOTTOM + LABEL_GAP) + ")";
        }

        public int capacityX() {
            return x;
        }

        public int bookedX() {
            return x + BAR;
        }

        public int checkedInX() {
            return x + 2 * BAR;
        }

        public int barWidth() {
            return BAR;
        }
    }

    static ReportChart of(List<Report.Row> days) {
        int highest = days.stream().mapToInt(d -> Math.max(d.figures().capacity(),
                Math.max(d.figures().booked(), d.figures().checkedIn()))).max().orElse(0);
        int top = tidy(highest);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            ticks.add(new Tick(top * i / 4, y(top * i / 4, top)));
        }
        List<Day> bars = new ArrayList<>();
        int every = days.size() <= 31 ? 1 : 7; // label each day, or each week on a long period
        for (int i = 0; i < days.size(); i++) {
            Report.Figures f = days.get(i).figures();
            int x = LEFT + 4 + i * DAY_WIDTH;
            bars.add(new Day(days.get(i).day(), f, x, x + (3 * BAR) / 2, i % every == 0, y(f.capacity(), top),
                    y(f.booked(), top), y(f.checkedIn(), top)));
        }
        return new ReportChart(LEFT + 8 + days.size() * DAY_WIDTH, HEIGHT, TOP, BOTTOM, LEFT, ticks, bars);
    }

    private static int y(int value, int top) {
        return BOTTOM - (int) Math.round((double) value * (BOTTOM - TOP) / top);
    }

    /** The smallest of 4, 8, 20, 40, 80, 200... (a multiple of 4 for whole ticks) at least {@code value}. */
    private static int tidy(int value) {
        int step = 1;
        while (true) {
            for (int m : new int[] {4, 8, 20}) {
                if (m * step >= value) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }
}
