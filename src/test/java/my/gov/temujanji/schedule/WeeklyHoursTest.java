package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class WeeklyHoursTest {

    private final WeeklyHours federal = new WeeklyHours(Map.of(
            DayOfWeek.MONDAY, List.of(WeeklyHours.Interval.parse("08:00-13:00"), WeeklyHours.Interval.parse("14:00-17:00")),
            DayOfWeek.FRIDAY, List.of(WeeklyHours.Interval.parse("14:45-17:00"), WeeklyHours.Interval.parse("08:00-12:15"))));

    @Test
    void fridaySlotsStopBeforeThePrayerBreakAndResumeAfterIt() {
        List<WeeklyHours.Interval> slots = federal.slotsOn(DayOfWeek.FRIDAY, 30);

        assertThat(slots).extracting(WeeklyHours.Interval::opens).containsExactly(
                t("08:00"), t("08:30"), t("09:00"), t("09:30"), t("10:00"), t("10:30"), t("11:00"), t("11:30"),
                t("14:45"), t("15:15"), t("15:45"), t("16:15"));
        assertThat(slots).noneMatch(s -> s.closes().isAfter(t("12:15")) && s.opens().isBefore(t("14:45")));
    }

    @Test
    void aSlotThatWouldRunPastClosingIsNotOffered() {
        assertThat(federal.slotsOn(DayOfWeek.MONDAY, 60)).extracting(WeeklyHours.Interval::closes)
                .containsExactly(t("09:00"), t("10:00"), t("11:00"), t("12:00"), t("13:00"),
                        t("15:00"), t("16:00"), t("17:00"));
    }

    @Test
    void aDayWithoutHoursHasNoSlots() {
        assertThat(federal.opensOn(DayOfWeek.SUNDAY)).isFalse();
        assertThat(federal.slotsOn(DayOfWeek.SUNDAY, 30)).isEmpty();
    }

    @Test
    void overlappingIntervalsAreRefused() {
        assertThatThrownBy(() -> new WeeklyHours(Map.of(DayOfWeek.MONDAY,
                List.of(WeeklyHours.Interval.parse("08:00-13:00"), WeeklyHours.Interval.parse("12:00-17:00")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Overlapping");
        assertThatThrownBy(() -> WeeklyHours.Interval.parse("13:00-08:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalTime t(String text) {
        return LocalTime.parse(text);
    }
}
