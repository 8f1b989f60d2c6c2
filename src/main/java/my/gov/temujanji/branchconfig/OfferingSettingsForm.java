package my.gov.temujanji.branchconfig;

import java.util.List;
import java.util.Map;
import my.gov.temujanji.catalogue.BranchSettings.OfferingSettings;
import my.gov.temujanji.platform.WholeNumber;
import my.gov.temujanji.platform.WholeNumber.Check;

/**
 * A type as the branch offers it, as typed; an empty booking window field follows the type's own.
 */
record OfferingSettingsForm(
        @WholeNumber(from = 1, to = 100, message = "{branchcfg.error.number}") String capacity,
        @WholeNumber(from = 5, to = 240, message = "{branchcfg.error.number}") String slotMinutes,
        @WholeNumber(from = 0, to = 30, unlessBlank = true, message = "{branchcfg.error.number}") String leadDays,
        @WholeNumber(from = 1, to = 12, unlessBlank = true, message = "{branchcfg.error.number}") String windowMonths,
        String confirmed) implements ConfirmableForm {

    static final List<String> FIELDS = List.of("capacity", "slotMinutes", "leadDays", "windowMonths");

    static OfferingSettingsForm of(OfferingSettings s) {
        return new OfferingSettingsForm(String.valueOf(s.capacity()), String.valueOf(s.slotMinutes()),
                s.leadDays() == null ? "" : String.valueOf(s.leadDays()),
                s.windowMonths() == null ? "" : String.valueOf(s.windowMonths()), null);
    }

    OfferingSettings changed(OfferingSettings before) {
        return new OfferingSettings(before.serviceCode(), before.serviceName(), Check.parse(slotMinutes),
                Check.parse(capacity), Check.parse(leadDays), Check.parse(windowMonths), before.defaultLeadDays(),
                before.defaultWindowMonths());
    }

    @Override
    public Map<String, String> answers() {
        return ConfirmableForm.answers("capacity", capacity, "slotMinutes", slotMinutes, "leadDays", leadDays,
                "windowMonths", windowMonths);
    }
}
