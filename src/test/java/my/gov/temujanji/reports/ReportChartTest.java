package my.gov.temujanji.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class ReportChartTest {

    @Test
    void dayLabelsAreSlantedFarEnoughApartNotToOverlapAndFitUnderThePlot() {
        for (int length : new int[] {5, 31, 92}) {
            List<Report.Row> days = IntStream.range(0, length).mapToObj(i -> new Report.Row(null, null,
                    LocalDate.of(2026, 10, 20).plusDays(i), new Report.Figures(40, 30, 20, 1, 1, 1))).toList();
            ReportChart chart = ReportChart.of(days);

            List<ReportChart.Day> labelled = chart.days().stream().filter(ReportChart.Day::labelled).toList();
            assertThat(labelled).hasSize(length <= 31 ? length : (length + 6) / 7);
            double slant = Math.toRadians(-ReportChart.LABEL_ANGLE);
            for (int i = 1; i < labelled.size(); i++) {
                // Parallel slanted lines: their distance across is the horizontal step times the sine.
                double across = (labelled.get(i).labelX() - labelled.get(i - 1).labelX()) * Math.sin(slant);
                assertThat(across).as("%d days, label %d", length, i).isGreaterThan(1.5 * ReportChart.LABEL_FONT);
            }
            // The longest label, "30/12" (five characters of at most 0.6 em), still ends inside the picture.
            double drop = ReportChart.LABEL_GAP + 5 * 0.6 * ReportChart.LABEL_FONT * Math.sin(slant);
            assertThat(chart.plotBottom() + drop).isLessThan(chart.height());
            assertThat(labelled.get(0).labelTransform()).isEqualTo("rotate(-45 " + labelled.get(0).labelX() + " 232)");
        }
    }
}
