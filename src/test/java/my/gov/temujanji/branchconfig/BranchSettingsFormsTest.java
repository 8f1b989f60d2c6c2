package my.gov.temujanji.branchconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import my.gov.temujanji.catalogue.BranchSettings.OfferingSettings;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.schedule.WeeklyHours;
import my.gov.temujanji.support.FormValidation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The branch settings forms' rules and messages, checked as the pages check them, without a server. */
@Tag("fast")
class BranchSettingsFormsTest {

    private static final OfferingSettings BKP = new OfferingSettings("BKP", new LocalizedText("Pasport", "Passport"),
            15, 4, null, null, 1, 3);

    @Test
    void placesAndSlotLengthMustBeGivenWhileAnEmptyBookingWindowFollowsTheType() {
        FormErrors errors = errors(new OfferingSettingsForm("", "4", "", "13", null));

        assertThat(errors.entries()).containsExactly(
                new FormErrors.Entry("capacity", "Places per slot: enter a whole number from 1 to 100"),
                new FormErrors.Entry("slotMinutes", "Slot length (minutes): enter a whole number from 5 to 240"),
                new FormErrors.Entry("windowMonths", "Booking window (months): enter a whole number from 1 to 12"));

        OfferingSettingsForm valid = new OfferingSettingsForm(" 100 ", "240", "", "12", "ABCDE12345  FGHJK67890");
        assertThat(errors(valid).any()).isFalse();
        OfferingSettings changed = valid.changed(BKP);
        assertThat(changed).isEqualTo(new OfferingSettings("BKP", BKP.serviceName(), 240, 100, null, 12, 1, 3));
        assertThat(valid.confirmedReferences()).containsExactlyInAnyOrder("ABCDE12345", "FGHJK67890");
        assertThat(new OfferingSettingsForm("1", "5", "0", "1", null).confirmedReferences()).isEmpty();
    }

    @Test
    void aFormSentAgainAfterThePreviewCarriesEveryAnswerAndNothingSentIsEmpty() {
        assertThat(new OfferingSettingsForm("3", null, "x", "", "R").answers())
                .containsExactly(Map.entry("capacity", "3"), Map.entry("slotMinutes", ""), Map.entry("leadDays", "x"),
                        Map.entry("windowMonths", ""));
    }

    @Test
    void lateGraceIsFromNoneToTwoHoursInMalayAsInEnglish() {
        assertThat(FormValidation.errors(new LateGraceForm("121"), BranchSettingsFlow.FORM, Locale.forLanguageTag("ms"),
                LateGraceForm.FIELDS).messageFor("lateGraceMinutes"))
                .isEqualTo("Tempoh lewat (minit): masukkan nombor bulat dari 0 hingga 120");
        assertThat(FormValidation.errors(new LateGraceForm("0"), BranchSettingsFlow.FORM, Locale.ENGLISH,
                LateGraceForm.FIELDS).any()).isFalse();
        assertThat(new LateGraceForm(" 120 ").minutes()).isEqualTo(120);
    }

    @Test
    void aClosureDayIsMissingMistypedPastOrFromToday() throws Exception {
        DayFromToday rule = ClosureForm.class.getRecordComponents()[0].getAnnotation(DayFromToday.class);
        LocalDate today = LocalDate.of(2026, 9, 1);

        assertThat(DayFromToday.Check.problem(null, today, rule)).isEqualTo("{branchcfg.closure.error.day}");
        assertThat(DayFromToday.Check.problem("  ", today, rule)).isEqualTo("{branchcfg.closure.error.day}");
        assertThat(DayFromToday.Check.problem("1/9/2026", today, rule)).isEqualTo("{branchcfg.closure.error.dayFormat}");
        assertThat(DayFromToday.Check.problem("2026-02-30", today, rule)).isEqualTo("{branchcfg.closure.error.dayFormat}");
        assertThat(DayFromToday.Check.problem("2026-08-31", today, rule)).isEqualTo("{branchcfg.closure.error.past}");
        assertThat(DayFromToday.Check.problem(" 2026-09-01 ", today, rule)).isNull();
        assertThat(new ClosureForm(" 2026-09-01 ", " Cuti ", "Holiday", null).date()).isEqualTo(today);
        assertThat(new ClosureForm("2026-09-01", " Cuti ", " Holiday ", null).name())
                .isEqualTo(new LocalizedText("Cuti", "Holiday"));
    }

    @Test
    void weeklyHoursAreReadPeriodByPeriodWithEachMistakeOnItsField() {
        Map<String, String> typed = new HashMap<>();
        typed.put("d1-p1-opens", "8:00");
        typed.put("d1-p1-closes", "13.00");
        typed.put("d1-p2-opens", "12:00");
        typed.put("d1-p2-closes", "16:30");
        typed.put("d2-p1-opens", "08:00");
        typed.put("d3-p1-opens", "9:00");
        typed.put("d3-p1-closes", "08:00");
        typed.put("d4-p1-opens", "25:00");
        typed.put("d4-p1-closes", "10:00");

        HoursForm.Parsed parsed = HoursForm.parse(typed::get, FormValidation.messages(), Locale.ENGLISH);

        assertThat(parsed.hours()).isNull();
        assertThat(parsed.errors().entries()).containsExactly(
                new FormErrors.Entry("d1-p2-opens", "Monday, period 2: this period overlaps period 1 of the same day"),
                new FormErrors.Entry("d2-p1-closes", "Tuesday, period 1: enter an opening and a closing time"),
                new FormErrors.Entry("d3-p1-closes", "Wednesday, period 1: the closing time must be after the opening time"),
                new FormErrors.Entry("d4-p1-opens", "Thursday, period 1: enter a time as HH:MM, for example 08:00"));
        assertThat(parsed.values()).containsEntry("d1-p1-opens", "8:00").containsEntry("d7-p3-closes", "");
        assertThat(parsed.answers()).isEqualTo(parsed.values());

        Map<String, String> fixed = new HashMap<>(Map.of("d1-p1-opens", " 8:00", "d1-p1-closes", "13.00",
                "d1-p2-opens", "14:00", "d1-p2-closes", "16:30", "confirmed", "ABCDE12345"));
        HoursForm.Parsed valid = HoursForm.parse(fixed::get, FormValidation.messages(), Locale.ENGLISH);
        assertThat(valid.errors().any()).isFalse();
        assertThat(valid.hours().intervals().get(DayOfWeek.MONDAY)).containsExactly(
                new WeeklyHours.Interval(LocalTime.of(8, 0), LocalTime.of(13, 0)),
                new WeeklyHours.Interval(LocalTime.of(14, 0), LocalTime.of(16, 30)));
        assertThat(valid.hours().opensOn(DayOfWeek.TUESDAY)).isFalse();
        assertThat(valid.confirmedReferences()).containsExactly("ABCDE12345");
    }

    private static FormErrors errors(OfferingSettingsForm form) {
        return FormValidation.errors(form, BranchSettingsFlow.FORM, Locale.ENGLISH, OfferingSettingsForm.FIELDS);
    }
}
