package my.gov.temujanji.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import my.gov.temujanji.platform.DayRange;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.support.FormValidation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The report's period as the page checks it (IsoDay and DayRange), without a server. */
@Tag("fast")
class ReportFormTest {

    private static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 7);
    private static final FormValidation VALIDATION = FormValidation.with(
            new DayRange.Check(Clock.fixed(TODAY.atTime(10, 0).atZone(KL).toInstant(), KL)));

    @Test
    void blankDaysMeanTheLastSevenDaysAndTheNextSeven() {
        ReportForm form = new ReportForm(null, " ", null);

        assertThat(errors(form, Locale.ENGLISH).any()).isFalse();
        assertThat(form.firstDay(TODAY)).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(form.lastDay(TODAY)).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(ReportForm.shown(" ", form.firstDay(TODAY))).isEqualTo("2026-10-31");
        assertThat(ReportForm.shown(" 2026-11-01 ", LocalDate.of(2026, 11, 1))).isEqualTo("2026-11-01");
        assertThat(form.branchTyped()).isEmpty();
    }

    @Test
    void aMistypedDayIsItsFieldsMistakeAndThePeriodIsThenNotJudged() {
        assertThat(errors(new ReportForm("", "5/11/2026", "2026-11-01"), Locale.ENGLISH).entries()).containsExactly(
                new FormErrors.Entry("from", "Enter a date as YYYY-MM-DD, for example 2026-07-13"));
        assertThat(errors(new ReportForm("", "2026-11-05", "2026-02-30"), Locale.forLanguageTag("ms")).entries())
                .containsExactly(new FormErrors.Entry("to", "Masukkan tarikh dalam format TTTT-BB-HH, contohnya 2026-07-13"));
    }

    @Test
    void thePeriodEndsOnOrAfterItsStartAndCoversAtMostNinetyTwoDays() {
        assertThat(errors(new ReportForm("", "2026-11-05", "2026-11-04"), Locale.ENGLISH).entries()).containsExactly(
                new FormErrors.Entry("to", "The end date cannot be before the start date"));
        // A blank start is a week ago: an end before it is refused the same way.
        assertThat(errors(new ReportForm("", "", "2026-10-30"), Locale.ENGLISH).messageFor("to"))
                .isEqualTo("The end date cannot be before the start date");
        assertThat(errors(new ReportForm("", "2026-01-01", "2026-04-03"), Locale.forLanguageTag("ms")).entries())
                .containsExactly(new FormErrors.Entry("to", "Tempoh laporan tidak boleh melebihi 92 hari"));
        assertThat(errors(new ReportForm("", "2026-01-01", "2026-04-03"), Locale.ENGLISH).messageFor("to"))
                .isEqualTo("A report cannot cover more than 92 days");
        assertThat(errors(new ReportForm("", "2026-01-01", "2026-04-02"), Locale.ENGLISH).any()).isFalse();
        assertThat(errors(new ReportForm("", "2026-11-05", "2026-11-05"), Locale.ENGLISH).any()).isFalse();
    }

    private static FormErrors errors(ReportForm form, Locale locale) {
        return VALIDATION.check(form, "reportForm", locale, ReportForm.FIELDS);
    }
}
