package my.gov.temujanji.branchconfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.platform.RequiredText;

/** A branch closure (cuti peristiwa) as typed: the day and its name in both languages. */
record ClosureForm(
        @DayFromToday(message = "{branchcfg.closure.error.day}", format = "{branchcfg.closure.error.dayFormat}",
                past = "{branchcfg.closure.error.past}") String day,
        @RequiredText(max = 200, message = "{branchcfg.closure.error.nameMs}") String nameMs,
        @RequiredText(max = 200, message = "{branchcfg.closure.error.nameEn}") String nameEn,
        String confirmed) implements ConfirmableForm {

    static final List<String> FIELDS = List.of("day", "nameMs", "nameEn");

    LocalDate date() {
        return DayFromToday.Check.parse(day);
    }

    LocalizedText name() {
        return new LocalizedText(nameMs.strip(), nameEn.strip());
    }

    @Override
    public Map<String, String> answers() {
        return ConfirmableForm.answers("day", day, "nameMs", nameMs, "nameEn", nameEn);
    }
}
