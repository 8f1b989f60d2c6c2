package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/** Where a group's places go: the slot chosen when it has room, else it and the slots right after it, no gap. */
@Tag("fast")
class GroupSeatingPropertiesTest {

    @Provide
    Arbitrary<List<Integer>> free() {
        return Arbitraries.integers().between(0, 7).list().ofMinSize(0).ofMaxSize(8);
    }

    @Property
    void aSpreadSeatsExactlyTheGroupWithoutAGapAndNeverMoreThanASlotHas(@ForAll("free") List<Integer> free,
            @ForAll @IntRange(min = 1, max = 6) int size) {
        GroupSeating.spread(free, size).ifPresent(counts -> {
            assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(size);
            assertThat(counts).allMatch(c -> c > 0);
            for (int i = 0; i < counts.size(); i++) {
                assertThat(counts.get(i)).isLessThanOrEqualTo(free.get(i));
                if (i < counts.size() - 1) {
                    assertThat(counts.get(i)).as("an earlier slot is filled before the next").isEqualTo(free.get(i));
                }
            }
        });
    }

    @Property
    void aGroupIsRefusedOnlyWhenTheSlotsBeforeTheFirstFullOneHaveTooFewPlaces(@ForAll("free") List<Integer> free,
            @ForAll @IntRange(min = 1, max = 6) int size) {
        int reachable = 0;
        for (int places : free) {
            if (places == 0) {
                break;
            }
            reachable += places;
        }
        assertThat(GroupSeating.spread(free, size).isPresent()).isEqualTo(reachable >= size);
    }

    @Property
    void aGroupThatFitsInTheFirstSlotStaysInIt(@ForAll("free") List<Integer> free,
            @ForAll @IntRange(min = 1, max = 6) int size) {
        if (!free.isEmpty() && free.get(0) >= size) {
            assertThat(GroupSeating.spread(free, size)).contains(List.of(size));
        }
    }

    @Property
    void aRunIsTheChosenSlotAndTheOnesRightAfterItAtMostOnePerPerson(
            @ForAll @IntRange(min = 1, max = 6) int size, @ForAll @IntRange(min = 0, max = 9) int first,
            @ForAll @IntRange(min = 0, max = 9) int lunch) {
        List<SlotAvailability> day = day(lunch);
        if (first >= day.size()) {
            return;
        }
        List<SlotAvailability> run = GroupSeating.run(day, day.get(first).start(), size);
        assertThat(run).isNotEmpty().hasSizeLessThanOrEqualTo(size);
        assertThat(run.get(0)).isEqualTo(day.get(first));
        for (int i = 1; i < run.size(); i++) {
            assertThat(run.get(i).start()).isEqualTo(run.get(i - 1).end());
        }
    }

    @Example
    void theBreakEndsARunAndAGroupDoesNotSpillOverIt() {
        List<SlotAvailability> day = day(2); // 08:00, 08:30, break, 10:00 ...
        assertThat(GroupSeating.run(day, LocalTime.of(8, 30), 4)).extracting(SlotAvailability::start)
                .containsExactly(LocalTime.of(8, 30));
        assertThat(GroupSeating.fits(day, LocalTime.of(8, 0), 4)).isTrue(); // 3 + 3 places
        assertThat(GroupSeating.fits(day, LocalTime.of(8, 30), 4)).isFalse();
        assertThat(GroupSeating.run(day, LocalTime.of(9, 0), 2)).isEmpty();
    }

    @Example
    void aFullSlotInTheMiddleSplitsNoGroup() {
        assertThat(GroupSeating.spread(List.of(2, 0, 5), 3)).isEmpty();
        assertThat(GroupSeating.spread(List.of(2, 1, 5), 3)).contains(List.of(2, 1));
        assertThat(GroupSeating.spread(List.of(2, 1, 5), 6)).contains(List.of(2, 1, 3));
    }

    /** Half-hour slots from 08:00 with 3 places each and, after slot {@code lunch}, a 60-minute break. */
    private static List<SlotAvailability> day(int lunch) {
        List<SlotAvailability> slots = new ArrayList<>();
        LocalTime start = LocalTime.of(8, 0);
        for (int i = 0; i < 10; i++) {
            slots.add(new SlotAvailability(start, start.plusMinutes(30), 3, 3));
            start = start.plusMinutes(i + 1 == lunch ? 90 : 30);
        }
        return slots;
    }
}
