package my.gov.temujanji.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A branch's counter hours for each weekday, as one or more intervals: the gap between two intervals
 * is a break (such as the Friday prayer break) that no slot may straddle.
 */
public record WeeklyHours(Map<DayOfWeek, List<Interval>> intervals) {

    public record Interval(LocalTime opens, LocalTime closes) {

        public Interval {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("An interval must open before it closes: " + opens + "-" + closes);
            }
        }

        /** Parses {@code "08:00-13:00"}. */
        public static Interval parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("Expected HH:mm-HH:mm, got " + text);
            }
            return new Interval(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }
    }

    public WeeklyHours {
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        intervals.forEach((day, list) -> {
            List<Interval> sorted = list.stream().sorted((a, b) -> a.opens().compareTo(b.opens())).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                    throw new IllegalArgumentException("Overlapping hours on " + day + ": " + sorted);
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, sorted);
            }
        });
        intervals = Map.copyOf(copy);
    }

    public boolean opensOn(DayOfWeek day) {
        return intervals.containsKey(day);
    }

    /** The slots of a day: whole slots of the given length, each inside one interval. */
    public List<Interval> slotsOn(DayOfWeek day, int slotMinutes) {
        List<Interval> slots = new ArrayList<>();
        for (Interval interval : intervals.getOrDefault(day, List.of())) {
            LocalTime start = interval.opens();
            // Compare in minutes of the day so that a slot ending at midnight cannot wrap round.
            int closes = interval.closes().toSecondOfDay() / 60;
            while (start.toSecondOfDay() / 60 + slotMinutes <= closes) {
                LocalTime end = start.plusMinutes(slotMinutes);
                slots.add(new Interval(start, end));
                start = end;
            }
        }
        return slots;
    }
}
