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
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /staff/admin/catalogue/branches}: a branch created (with another's weekly hours) or changed. */
@Controller
class BranchPages {

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;
    private final AdminForms forms;

    BranchPages(Catalogue catalogue, CatalogueAdministration administration, AdminForms forms) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.forms = forms;
    }

    @GetMapping(PATH + "/branches/new")
    String newBranch(Model model, Locale locale) {
        return page(null, new BranchForm(null, null, null, null, null, null, null, null), FormErrors.none(), model,
                locale);
    }

    @GetMapping(PATH + "/branches/{code}")
    String editBranch(@PathVariable String code, Model model, Locale locale) {
        return page(code, BranchForm.of(existing(code)), FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/branches")
    Object createBranch(@Validated({Default.class, New.class}) @ModelAttribute(FORM) BranchForm form,
            BindingResult result, Model model, Locale locale) {
        return save(null, form, result, model, locale);
    }

    @PostMapping(PATH + "/branches/{code}")
    Object updateBranch(@PathVariable String code, @Validated @ModelAttribute(FORM) BranchForm form,
            BindingResult result, Model model, Locale locale) {
        existing(code);
        return save(code, form, result, model, locale);
    }

    private Object save(String existing, BranchForm form, BindingResult result, Model model, Locale locale) {
        if (result.hasErrors()) {
            return page(existing, form, forms.errors(result, locale, BranchForm.FIELDS), model, locale);
        }
        Branch b = form.branch(existing);
        if (existing == null ? !administration.create(b, form.hoursFrom().strip()) : !administration.update(b)) {
            return page(existing, form, forms.codeTaken(locale), model, locale);
        }
        return seeOther(PATH + "/branches/" + b.code() + "?saved");
    }

    private Branch existing(String code) {
        return catalogue.branch(code).orElseThrow(AdminForms::notFound);
    }

    private String page(String code, BranchForm form, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(forms.text("code", "admin.code", "admin.code.hint", form.code(), locale));
        }
        fields.add(forms.select("department", "admin.department", null, form.department(), catalogue.allDepartments()
                .stream().map(d -> new Option(d.code(), d.name().in(locale))).toList(), locale));
        fields.add(forms.select("state", "admin.state", null, form.state(), forms.states(locale), locale));
        fields.add(forms.text("nameMs", "admin.nameMs", null, form.nameMs(), locale));
        fields.add(forms.text("nameEn", "admin.nameEn", null, form.nameEn(), locale));
        fields.add(forms.text("address", "admin.address", null, form.address(), locale));
        if (code == null) {
            fields.add(forms.select("hoursFrom", "admin.hoursFrom", "admin.hoursFrom.hint", form.hoursFrom(),
                    catalogue.allBranches().stream()
                            .map(b -> new Option(b.code(), b.code() + " – " + b.name().in(locale))).toList(), locale));
        } else {
            fields.add(forms.checkbox("active", "admin.branch.active", form.active(), locale));
            model.addAttribute("offerings", catalogue.allOfferingsAt(code));
            model.addAttribute("branchCode", code);
        }
        return forms.page(code == null ? "admin.branch.new" : "admin.branch.edit", code,
                PATH + "/branches" + (code == null ? "" : "/" + code), fields, errors, model, locale);
    }
}
