package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.FORM;
import static my.gov.temujanji.administration.AdminForms.PATH;
import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.administration.FormField.Option;
import my.gov.temujanji.branchconfig.BranchChanges;
import my.gov.temujanji.branchconfig.ChangePreview;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.staff.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /staff/admin/catalogue/branches/{code}/offerings}: which types a branch offers, with how many
 * places. Saved by the branch configuration's writer, so slot rows follow and whoever a change would
 * cancel is shown first.
 */
@Controller
@RequiredArgsConstructor
class OfferingPages {

    private final Catalogue catalogue;
    private final BranchChanges changes;
    private final ChangePreview preview;
    private final CurrentStaff current;
    private final AdminForms forms;

    /** A branch's offering of a type: the form to add it ({@code service} empty) or change it. */
    @GetMapping(PATH + "/branches/{code}/offerings")
    String offering(@PathVariable String code, @RequestParam(defaultValue = "") String service, Model model,
            Locale locale) {
        branch(code);
        OfferingForm form = OfferingForm.of(service,
                service.isEmpty() ? null : catalogue.offering(code, service).orElse(null));
        return page(code, form, FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/branches/{code}/offerings")
    Object saveOffering(@PathVariable String code, @Validated @ModelAttribute(FORM) OfferingForm form,
            BindingResult result, Model model, Locale locale) {
        Branch branch = branch(code);
        if (result.hasErrors()) {
            return page(code, form, forms.errors(result, locale, OfferingForm.FIELDS), model, locale);
        }
        BranchChanges.Outcome outcome = changes.saveOffering(form.settings(code), form.confirmedReferences(),
                current.get().username());
        if (!outcome.applied()) {
            return preview.page(branch, outcome, PATH + "/branches/" + code + "/offerings", PATH + "/branches/" + code,
                    form, model);
        }
        return seeOther(PATH + "/branches/" + code + "?saved"
                + (outcome.affected().isEmpty() ? "" : "&cancelled=" + outcome.affected().size()));
    }

    private Branch branch(String code) {
        return catalogue.branch(code).orElseThrow(AdminForms::notFound);
    }

    private String page(String code, OfferingForm form, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = List.of(
                forms.select("service", "admin.service", null, form.service(), catalogue.transactionTypes().stream()
                        .map(t -> new Option(t.code(), t.code() + " – " + t.name().in(locale))).toList(), locale),
                forms.number("slotMinutes", form.slotMinutes(), locale),
                forms.number("capacity", form.capacity(), locale),
                forms.checkbox("active", "admin.offering.active", form.active(), locale));
        model.addAttribute("backUrl", PATH + "/branches/" + code);
        return forms.page("admin.offering.title", code, PATH + "/branches/" + code + "/offerings", fields, errors,
                model, locale);
    }
}
