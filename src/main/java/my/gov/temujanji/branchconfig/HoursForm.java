package my.gov.temujanji.branchconfig;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.WeeklyHours;
import org.springframework.context.MessageSource;

/**
 * The weekly hours form: for each ISO weekday up to {@value #PERIODS} opening periods, each an opening
 * and a closing time ({@code d1-p1-opens}, {@code d1-p1-closes} for Monday's first); a day with none is
 * closed. Gaps between periods are breaks.
 */
final class HoursForm {

    static final int PERIODS = 3;

    /** What was typed, by field name, to show again; the hours when they are valid. */
    record Parsed(Map<String, String> values, WeeklyHours hours, FormErrors errors, String confirmed)
            implements ConfirmableForm {

        @Override
        public Map<String, String> answers() {
            return values;
        }
    }

    private HoursForm() {
    }

    static String opens(int day, int period) {
        return "d" + day + "-p" + period + "-opens";
    }

    static String closes(int day, int period) {
        return "d" + day + "-p" + period + "-closes";
    }

    /** The form's fields filled from the hours the branch has. */
    static Map<String, String> values(WeeklyHours hours) {
        Map<String, String> values = new LinkedHashMap<>();
        hours.intervals().forEach((day, intervals) -> {
            for (int p = 1; p <= Math.min(PERIODS, intervals.size()); p++) {
                values.put(opens(day.getValue(), p), intervals.get(p - 1).opens().toString());
                values.put(closes(day.getValue(), p), intervals.get(p - 1).closes().toString());
            }
        });
        return values;
    }

    /**
     * The form's answers, {@code param} giving each field's (null when not sent). Its 42 fields are named
     * by day and period, which a form record cannot bind, and its rules span fields (periods must not
     * overlap), so it is read and checked here as one.
     */
    static Parsed parse(Function<String, String> param, MessageSource messages, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        List<FormErrors.Entry> errors = new ArrayList<>();
        Map<DayOfWeek, List<WeeklyHours.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String dayName = day.getDisplayName(TextStyle.FULL, locale);
            List<WeeklyHours.Interval> periods = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (int p = 1; p <= PERIODS; p++) {
                String opensField = opens(day.getValue(), p);
                String closesField = closes(day.getValue(), p);
                String opensText = typed(param.apply(opensField));
                String closesText = typed(param.apply(closesField));
                values.put(opensField, opensText);
                values.put(closesField, closesText);
                if (opensText.isEmpty() && closesText.isEmpty()) {
                    continue;
                }
                Object[] where = {dayName, p};
                if (opensText.isEmpty() || closesText.isEmpty()) {
                    errors.add(entry(opensText.isEmpty() ? opensField : closesField, "branchcfg.hours.error.incomplete",
                            where, messages, locale));
                    continue;
                }
                LocalTime opens = time(opensText);
                LocalTime closes = time(closesText);
                if (opens == null || closes == null) {
                    errors.add(entry(opens == null ? opensField : closesField, "branchcfg.hours.error.format", where,
                            messages, locale));
                } else if (!opens.isBefore(closes)) {
                    errors.add(entry(closesField, "branchcfg.hours.error.order", where, messages, locale));
                } else {
                    for (int i = 0; i < periods.size(); i++) {
                        WeeklyHours.Interval other = periods.get(i);
                        if (opens.isBefore(other.closes()) && other.opens().isBefore(closes)) {
                            errors.add(entry(opensField, "branchcfg.hours.error.overlap",
                                    new Object[] {dayName, p, numbers.get(i)}, messages, locale));
                            opens = null;
                            break;
                        }
                    }
                    if (opens != null) {
                        periods.add(new WeeklyHours.Interval(opens, closes));
                        numbers.add(p);
                    }
                }
            }
            hours.put(day, periods);
        }
        return new Parsed(values, errors.isEmpty() ? new WeeklyHours(hours) : null, new FormErrors(errors),
                param.apply("confirmed"));
    }

    private static String typed(String value) {
        return value == null ? "" : value.strip();
    }

    private static LocalTime time(String text) {
        try {
            // Typed into a text field (24-hour everywhere): "8:00" and "8.00" mean 08:00.
            String typed = text.strip().replace('.', ':');
            return LocalTime.parse(typed.matches("\\d:\\d\\d") ? "0" + typed : typed).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static FormErrors.Entry entry(String field, String key, Object[] args, MessageSource messages,
            Locale locale) {
        return new FormErrors.Entry(field, messages.getMessage(key, args, locale));
    }
}
