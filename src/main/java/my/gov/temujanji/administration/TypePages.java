package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.FORM;
import static my.gov.temujanji.administration.AdminForms.PATH;
import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jakarta.validation.groups.Default;
import my.gov.temujanji.administration.AdminForms.New;
import my.gov.temujanji.administration.FormField.Option;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /staff/admin/catalogue/types}: a transaction type created or changed. */
@Controller
class TypePages {

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;
    private final AdminForms forms;
    private final MessageSource messages;
    private final BookingProperties booking;

    TypePages(Catalogue catalogue, CatalogueAdministration administration, AdminForms forms, MessageSource messages,
            BookingProperties booking) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.forms = forms;
        this.messages = messages;
        this.booking = booking;
    }

    @GetMapping(PATH + "/types/new")
    String newType(Model model, Locale locale) {
        return page(null, TypeForm.blank(), FormErrors.none(), model, locale);
    }

    @GetMapping(PATH + "/types/{code}")
    String editType(@PathVariable String code, Model model, Locale locale) {
        return page(code, TypeForm.of(existing(code)), FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/types")
    Object createType(@Validated({Default.class, New.class}) @ModelAttribute(FORM) TypeForm form, BindingResult result,
            Model model, Locale locale) {
        return save(null, form, result, model, locale);
    }

    @PostMapping(PATH + "/types/{code}")
    Object updateType(@PathVariable String code, @Validated @ModelAttribute(FORM) TypeForm form, BindingResult result,
            Model model, Locale locale) {
        existing(code);
        return save(code, form, result, model, locale);
    }

    private Object save(String existing, TypeForm form, BindingResult result, Model model, Locale locale) {
        if (result.hasErrors()) {
            return page(existing, form, forms.errors(result, locale, TypeForm.FIELDS), model, locale);
        }
        TransactionType t = form.type(existing);
        if (existing == null ? !administration.create(t) : !administration.update(t)) {
            return page(existing, form, forms.codeTaken(locale), model, locale);
        }
        return seeOther(PATH + "?saved");
    }

    private TransactionType existing(String code) {
        return AdminForms.find(catalogue.transactionTypes(), TransactionType::code, code);
    }

    private String page(String code, TypeForm form, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(forms.text("code", "admin.code", "admin.type.code.hint", form.code(), locale));
        }
        fields.add(forms.text("nameMs", "admin.nameMs", null, form.nameMs(), locale));
        fields.add(forms.text("nameEn", "admin.nameEn", null, form.nameEn(), locale));
        fields.add(forms.number("slotMinutes", form.slotMinutes(), locale));
        fields.add(forms.number("leadDays", form.leadDays(), locale));
        fields.add(forms.number("windowMonths", form.windowMonths(), locale));
        fields.add(forms.select("emailConfirmation", "admin.emailConfirmation", "admin.emailConfirmation.hint",
                form.emailConfirmation(), List.of(
                        new Option("", messages.getMessage("admin.emailConfirmation.default",
                                new Object[] {booking.emailConfirmation() ? 1 : 0}, locale)),
                        new Option("true", forms.text("admin.emailConfirmation.true", locale)),
                        new Option("false", forms.text("admin.emailConfirmation.false", locale))), locale));
        return forms.page(code == null ? "admin.type.new" : "admin.type.edit", code,
                PATH + "/types" + (code == null ? "" : "/" + code), fields, errors, model, locale);
    }
}
