package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import my.gov.temujanji.schedule.WeeklyHours.Interval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** Slot generation from a branch's hours and breaks: the rules every calendar and booking rests on. */
@Tag("fast")
class WeeklyHoursPropertiesTest {

    /** A morning and an afternoon with a break between them, in whole minutes. */
    @Provide
    Arbitrary<List<Interval>> dayWithBreak() {
        return Combinators.combine(Arbitraries.integers().between(6 * 60, 10 * 60),
                        Arbitraries.integers().between(30, 300), Arbitraries.integers().between(0, 150),
                        Arbitraries.integers().between(30, 300))
                .as((opens, morning, pause, afternoon) -> List.of(
                        new Interval(minutes(opens), minutes(opens + morning)),
                        new Interval(minutes(opens + morning + pause), minutes(Math.min(opens + morning + pause + afternoon,
                                23 * 60 + 59)))));
    }

    @Property
    void everySlotHasTheSlotLengthAndLiesInsideOneInterval(@ForAll("dayWithBreak") List<Interval> day,
            @ForAll @IntRange(min = 5, max = 120) int slotMinutes) {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.MONDAY, day));
        for (Interval slot : hours.slotsOn(DayOfWeek.MONDAY, slotMinutes)) {
            assertThat(ChronoUnit.MINUTES.between(slot.opens(), slot.closes())).isEqualTo(slotMinutes);
            assertThat(day).anySatisfy(interval -> {
                assertThat(slot.opens()).isAfterOrEqualTo(interval.opens());
                assertThat(slot.closes()).isBeforeOrEqualTo(interval.closes());
            });
        }
    }

    @Property
    void eachIntervalGivesAsManyWholeSlotsAsFitFromItsOpening(@ForAll("dayWithBreak") List<Interval> day,
            @ForAll @IntRange(min = 5, max = 120) int slotMinutes) {
        List<Interval> slots = new WeeklyHours(Map.of(DayOfWeek.FRIDAY, day)).slotsOn(DayOfWeek.FRIDAY, slotMinutes);
        long expected = day.stream().mapToLong(i -> ChronoUnit.MINUTES.between(i.opens(), i.closes()) / slotMinutes).sum();
        assertThat(slots).hasSize((int) expected);
        for (Interval interval : day) {
            List<Interval> inside = slots.stream().filter(s -> !s.opens().isBefore(interval.opens())
                    && !s.closes().isAfter(interval.closes())).toList();
            if (!inside.isEmpty()) {
                assertThat(inside.get(0).opens()).isEqualTo(interval.opens());
            }
            for (int i = 1; i < inside.size(); i++) {
                assertThat(inside.get(i).opens()).isEqualTo(inside.get(i - 1).closes());
            }
        }
    }

    @Property
    void aDayWithoutHoursHasNoSlots(@ForAll("dayWithBreak") List<Interval> day, @ForAll DayOfWeek other) {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.MONDAY, day));
        if (other != DayOfWeek.MONDAY) {
            assertThat(hours.opensOn(other)).isFalse();
            assertThat(hours.slotsOn(other, 15)).isEmpty();
        }
    }

    @Property
    void intervalsAreKeptInOrderWhateverOrderTheyAreGivenIn(@ForAll("dayWithBreak") List<Interval> day) {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.TUESDAY, List.of(day.get(1), day.get(0))));
        assertThat(hours.intervals().get(DayOfWeek.TUESDAY)).containsExactly(day.get(0), day.get(1));
    }

    @Property
    void overlappingIntervalsAreRefused(@ForAll @IntRange(min = 480, max = 700) int opens,
            @ForAll @IntRange(min = 2, max = 120) int overlap) {
        Interval first = new Interval(minutes(opens), minutes(opens + 180));
        Interval second = new Interval(minutes(opens + 180 - overlap), minutes(opens + 300));
        assertThatIllegalArgumentException().isThrownBy(() -> new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(first,
                second))));
    }

    @Property
    void anIntervalParsesFromItsText(@ForAll @IntRange(min = 0, max = 1400) int opens,
            @ForAll @IntRange(min = 1, max = 39) int length) {
        Interval interval = new Interval(minutes(opens), minutes(opens + length));
        assertThat(Interval.parse(" " + interval.opens() + " - " + interval.closes() + " ")).isEqualTo(interval);
    }

    @Property
    void anIntervalMustOpenBeforeItCloses(@ForAll @IntRange(min = 0, max = 1439) int opens,
            @ForAll @IntRange(min = 0, max = 600) int back) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Interval(minutes(opens), minutes(Math.max(0, opens - back))));
    }

    @Example
    void federalFridayHoursGiveNoSlotAcrossThePrayerBreak() {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.FRIDAY,
                List.of(Interval.parse("08:00-12:15"), Interval.parse("14:45-17:00"))));
        List<Interval> slots = hours.slotsOn(DayOfWeek.FRIDAY, 30);
        assertThat(slots).hasSize(12);
        assertThat(slots.get(7)).isEqualTo(Interval.parse("11:30-12:00"));
        assertThat(slots.get(8)).isEqualTo(Interval.parse("14:45-15:15"));
    }

    @Example
    void aSlotEndingAtMidnightDoesNotWrapRound() {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.MONDAY, List.of(Interval.parse("22:00-23:59"))));
        assertThat(hours.slotsOn(DayOfWeek.MONDAY, 60)).containsExactly(Interval.parse("22:00-23:00"));
    }

    @Example
    void aMalformedIntervalIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Interval.parse("08:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> Interval.parse("08:00-09:00-10:00"));
    }

    private static LocalTime minutes(int minuteOfDay) {
        return LocalTime.MIDNIGHT.plusMinutes(Math.min(minuteOfDay, 23 * 60 + 59));
    }
}
