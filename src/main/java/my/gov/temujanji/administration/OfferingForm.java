package my.gov.temujanji.administration;

import java.util.List;
import java.util.Map;
import my.gov.temujanji.administration.InCatalogue.What;
import my.gov.temujanji.branchconfig.ConfirmableForm;
import my.gov.temujanji.catalogue.CatalogueChanges.OfferingSettings;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.WholeNumber;

/** A branch's offering of a transaction type as typed; {@code active} is "true" when ticked. */
record OfferingForm(
        @InCatalogue(value = What.TRANSACTION_TYPE, message = "{admin.error.service}") String service,
        @WholeNumber(from = 5, to = 240, message = "{admin.error.number}") String slotMinutes,
        @WholeNumber(from = 1, to = 100, message = "{admin.error.number}") String capacity,
        String active,
        String confirmed) implements ConfirmableForm {

    static final List<String> FIELDS = List.of("service", "slotMinutes", "capacity");

    /** The form for {@code service} (empty to add one): as the branch offers it, or new and active. */
    static OfferingForm of(String service, Offering existing) {
        return existing == null ? new OfferingForm(service, null, null, "true", null)
                : new OfferingForm(service, String.valueOf(existing.slotMinutes()), String.valueOf(existing.capacity()),
                        String.valueOf(existing.active()), null);
    }

    OfferingSettings settings(String branch) {
        return new OfferingSettings(branch, service.strip(), WholeNumber.Check.parse(slotMinutes), WholeNumber.Check.parse(capacity),
                "true".equals(active));
    }

    @Override
    public Map<String, String> answers() {
        return ConfirmableForm.answers("service", service, "slotMinutes", slotMinutes, "capacity", capacity, "active",
                active);
    }
}
