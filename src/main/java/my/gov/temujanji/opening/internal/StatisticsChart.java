package my.gov.temujanji.opening.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of one release's chart, drawn as SVG by the template (no script, as the reports' chart):
 * for each branch two horizontal bars, the places released and the tickets in the waiting room, on one
 * scale from zero to the highest of them.
 */
record StatisticsChart(int width, int height, int plotLeft, List<Bar> bars) {

    private static final int LEFT = 170;
    private static final int PLOT = 380;
    private static final int ROW = 26;
    private static final int BAR = 10;

    /** One branch's bars: their widths, at {@code y} (places) and {@code y + 11} (tickets). */
    record Bar(String branch, int places, int tickets, int y, int placesWidth, int ticketsWidth) {

        public int ticketsY() {
            return y + BAR + 1;
        }

        public int labelY() {
            return y + BAR + 3;
        }

        public int barHeight() {
            return BAR;
        }
    }

    static StatisticsChart of(List<Statistics.Row> rows) {
        int highest = Math.max(1, rows.stream().mapToInt(r -> Math.max(r.places(), r.tickets())).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Statistics.Row row = rows.get(i);
            bars.add(new Bar(row.branch(), row.places(), row.tickets(), 4 + i * ROW, width(row.places(), highest),
                    width(row.tickets(), highest)));
        }
        return new StatisticsChart(LEFT + PLOT + 60, 8 + rows.size() * ROW, LEFT, bars);
    }

    private static int width(int value, int highest) {
        return (int) Math.round((double) value * PLOT / highest);
    }
}
