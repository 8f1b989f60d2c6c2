package my.gov.temujanji.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import my.gov.temujanji.platform.LocalizedText;

/** What decides whether a branch serves on a date: its hours, its state's weekend, its closures. */
record BranchCalendar(WeeklyHours hours, Set<DayOfWeek> weekend, Map<LocalDate, LocalizedText> closures) {
}
