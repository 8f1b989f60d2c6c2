package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.FORM;
import static my.gov.temujanji.administration.AdminForms.PATH;
import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jakarta.validation.groups.Default;
import my.gov.temujanji.administration.AdminForms.New;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /staff/admin/catalogue/departments}: a department created or renamed. */
@Controller
class DepartmentPages {

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;
    private final AdminForms forms;

    DepartmentPages(Catalogue catalogue, CatalogueAdministration administration, AdminForms forms) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.forms = forms;
    }

    @GetMapping(PATH + "/departments/new")
    String newDepartment(Model model, Locale locale) {
        return page(null, new DepartmentForm(null, null, null, null), FormErrors.none(), model, locale);
    }

    @GetMapping(PATH + "/departments/{code}")
    String editDepartment(@PathVariable String code, Model model, Locale locale) {
        return page(code, DepartmentForm.of(existing(code)), FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/departments")
    Object createDepartment(@Validated({Default.class, New.class}) @ModelAttribute(FORM) DepartmentForm form,
            BindingResult result, Model model, Locale locale) {
        return save(null, form, result, model, locale);
    }

    @PostMapping(PATH + "/departments/{code}")
    Object updateDepartment(@PathVariable String code, @Validated @ModelAttribute(FORM) DepartmentForm form,
            BindingResult result, Model model, Locale locale) {
        existing(code);
        return save(code, form, result, model, locale);
    }

    private Object save(String existing, DepartmentForm form, BindingResult result, Model model, Locale locale) {
        if (result.hasErrors()) {
            return page(existing, form, forms.errors(result, locale, DepartmentForm.FIELDS), model, locale);
        }
        Department d = form.department(existing);
        if (existing == null ? !administration.create(d) : !administration.update(d)) {
            return page(existing, form, forms.codeTaken(locale), model, locale);
        }
        return seeOther(PATH + "?saved");
    }

    private Department existing(String code) {
        return AdminForms.find(catalogue.allDepartments(), Department::code, code);
    }

    private String page(String code, DepartmentForm form, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(forms.text("code", "admin.code", "admin.code.hint", form.code(), locale));
        }
        fields.add(forms.text("nameMs", "admin.nameMs", null, form.nameMs(), locale));
        fields.add(forms.text("nameEn", "admin.nameEn", null, form.nameEn(), locale));
        fields.add(forms.select("state", "admin.state", null, form.state(), forms.states(locale), locale));
        return forms.page(code == null ? "admin.department.new" : "admin.department.edit", code,
                PATH + "/departments" + (code == null ? "" : "/" + code), fields, errors, model, locale);
    }
}
