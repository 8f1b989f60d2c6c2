package my.gov.temujanji.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a group's places go (issue 19): all in the slot chosen when it has room for everyone, otherwise
 * in the slots that follow it without a gap (each starts when the one before ends, so no break or
 * closed hour splits the group), the earlier slots filled first. Pure rules: what is shown as fitting
 * ({@link Availability}) and what is accepted as taken ({@link SlotInventory#takeGroup}) are the same.
 */
public final class GroupSeating {

    /** The most people one booking may be for: the applicant and five more. */
    public static final int MAX_GROUP = 6;

    private GroupSeating() {
    }

    /**
     * The slots a group of {@code size} starting at {@code start} may spread over: that slot and the
     * ones right after it, at most {@code size} (each takes one person or more); empty when the day has
     * no slot starting then. {@code day} is in time order.
     */
    public static List<SlotAvailability> run(List<SlotAvailability> day, LocalTime start, int size) {
        List<SlotAvailability> run = new ArrayList<>();
        for (SlotAvailability slot : day) {
            if (run.isEmpty() ? slot.start().equals(start)
                    : run.size() < size && slot.start().equals(run.get(run.size() - 1).end())) {
                run.add(slot);
            } else if (!run.isEmpty()) {
                break;
            }
        }
        return run;
    }

    /**
     * How many of a group of {@code size} go to each slot of a run with {@code free} places in each, the
     * earlier slots filled first: ends at the last slot used. Empty when the group does not fit, or only
     * with a gap (a slot with no place before the group is complete).
     */
    public static Optional<List<Integer>> spread(List<Integer> free, int size) {
        List<Integer> counts = new ArrayList<>();
        int left = size;
        for (int places : free) {
            if (left == 0) {
                break;
            }
            if (places <= 0) {
                return Optional.empty();
            }
            int here = Math.min(places, left);
            counts.add(here);
            left -= here;
        }
        return left == 0 && size > 0 ? Optional.of(List.copyOf(counts)) : Optional.empty();
    }

    /** Whether a group of {@code size} fits from {@code start} on this day (its slots in time order). */
    public static boolean fits(List<SlotAvailability> day, LocalTime start, int size) {
        return spread(run(day, start, size).stream().map(SlotAvailability::placesLeft).toList(), size).isPresent();
    }
}
