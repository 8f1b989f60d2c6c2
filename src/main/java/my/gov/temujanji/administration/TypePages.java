package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.PATH;

import java.util.List;
import java.util.Locale;
import my.gov.temujanji.administration.FormField.Option;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.TransactionType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /staff/admin/catalogue/types}: a transaction type created or changed. */
@Controller
@RequestMapping(PATH + "/types")
class TypePages extends CatalogueEntryPages<TypeForm> {

    private final BookingProperties booking;

    TypePages(AdminForms forms, CatalogueAdministration administration,
            BookingProperties booking) {
        super(forms, administration,
                new EntryKind<>("type", "types", TypeForm.blank(), TypeForm.FIELDS));
        this.booking = booking;
    }

    @Override
    TypeForm existing(String code) {
        return TypeForm.of(AdminForms.find(forms.catalogue().transactionTypes(), TransactionType::code, code));
    }

    @Override
    boolean save(String code, TypeForm form) {
        return administration.save(form.type(code), code == null);
    }

    @Override
    List<FormField> questions(String code, TypeForm form, Model model, Locale locale) {
        List<FormField> fields = forms.startingWithCode(code, "admin.type.code.hint", form.code(), locale);
        fields.addAll(forms.names(form.nameMs(), form.nameEn(), locale));
        fields.add(forms.number("slotMinutes", form.slotMinutes(), locale));
        fields.add(forms.number("leadDays", form.leadDays(), locale));
        fields.add(forms.number("windowMonths", form.windowMonths(), locale));
        fields.add(forms.select("emailConfirmation", "admin.emailConfirmation", "admin.emailConfirmation.hint",
                form.emailConfirmation(), List.of(
                        new Option("", forms.text("admin.emailConfirmation.default", locale,
                                booking.emailConfirmation() ? 1 : 0)),
                        new Option("true", forms.text("admin.emailConfirmation.true", locale)),
                        new Option("false", forms.text("admin.emailConfirmation.false", locale))), locale));
        return fields;
    }
}
