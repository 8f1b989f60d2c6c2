package my.gov.temujanji.audit;

import java.time.LocalDate;
import java.util.List;
import my.gov.temujanji.platform.DayRange;
import my.gov.temujanji.platform.IsoDay;
import my.gov.temujanji.platform.Typed;

/** The audit log's filter as typed: each field may be blank, and then does not filter. */
@DayRange(message = "{audit.error.range}")
record AuditFilterForm(String actor, String action, @IsoDay(message = "{audit.error.date}") String from,
        @IsoDay(message = "{audit.error.date}") String to) implements DayRange.Period {

    static final List<String> FIELDS = List.of("from", "to");

    String actorTyped() {
        return Typed.text(actor);
    }

    String actionTyped() {
        return Typed.text(action);
    }

    String fromTyped() {
        return Typed.text(from);
    }

    String toTyped() {
        return Typed.text(to);
    }

    @Override
    public LocalDate firstDay(LocalDate today) {
        return IsoDay.Check.dayOr(from, null);
    }

    @Override
    public LocalDate lastDay(LocalDate today) {
        return IsoDay.Check.dayOr(to, null);
    }
}
