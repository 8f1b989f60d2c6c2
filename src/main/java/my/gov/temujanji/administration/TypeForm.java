package my.gov.temujanji.administration;

import java.util.List;
import jakarta.validation.constraints.Pattern;
import my.gov.temujanji.administration.AdminForms.New;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.RequiredText;
import my.gov.temujanji.platform.WholeNumber;

/**
 * A transaction type's form as typed; {@code code} only when it is created. An empty
 * {@code emailConfirmation} follows the application's default (temujanji.booking.email-confirmation).
 */
record TypeForm(
        @CatalogueCode(pattern = CatalogueCode.TYPE, message = "{admin.error.typeCode}", groups = New.class) String code,
        @RequiredText(max = Names.MAX, message = "{admin.error.nameMs}") String nameMs,
        @RequiredText(max = Names.MAX, message = "{admin.error.nameEn}") String nameEn,
        @WholeNumber(from = 5, to = 240, message = "{admin.error.number}") String slotMinutes,
        @WholeNumber(from = 0, to = 30, message = "{admin.error.number}") String leadDays,
        @WholeNumber(from = 1, to = 12, message = "{admin.error.number}") String windowMonths,
        @Pattern(regexp = "(?U)\\s*(true|false)?\\s*", message = "{admin.error.emailConfirmation}")
        String emailConfirmation) {

    static final List<String> FIELDS = List.of("code", "nameMs", "nameEn", "slotMinutes", "leadDays", "windowMonths",
            "emailConfirmation");

    /** A new type's form: booked from tomorrow, up to three months ahead. */
    static TypeForm blank() {
        return new TypeForm(null, null, null, null, "1", "3", "");
    }

    static TypeForm of(TransactionType t) {
        return new TypeForm(t.code(), t.name().ms(), t.name().en(), String.valueOf(t.slotMinutes()),
                String.valueOf(t.leadDays()), String.valueOf(t.windowMonths()),
                t.emailConfirmation() == null ? "" : String.valueOf(t.emailConfirmation()));
    }

    TransactionType type(String existing) {
        String confirmation = emailConfirmation == null ? "" : emailConfirmation.strip();
        return new TransactionType(existing != null ? existing : CatalogueCode.Check.normalize(code), Names.of(nameMs, nameEn),
                WholeNumber.Check.parse(slotMinutes), WholeNumber.Check.parse(leadDays), WholeNumber.Check.parse(windowMonths),
                confirmation.isEmpty() ? null : Boolean.valueOf(confirmation));
    }
}
