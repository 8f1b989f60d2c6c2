package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.PATH;

import java.util.List;
import java.util.Locale;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Department;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /staff/admin/catalogue/departments}: a department created or renamed. */
@Controller
@RequestMapping(PATH + "/departments")
class DepartmentPages extends CatalogueEntryPages<DepartmentForm> {

    DepartmentPages(AdminForms forms, CatalogueAdministration administration) {
        super(forms, administration,
                new EntryKind<>("department", "departments", DepartmentForm.blank(), DepartmentForm.FIELDS));
    }

    @Override
    DepartmentForm existing(String code) {
        return DepartmentForm.of(AdminForms.find(forms.catalogue().allDepartments(), Department::code, code));
    }

    @Override
    boolean save(String code, DepartmentForm form) {
        return administration.save(form.department(code), code == null);
    }

    @Override
    List<FormField> questions(String code, DepartmentForm form, Model model, Locale locale) {
        List<FormField> fields = forms.startingWithCode(code, "admin.code.hint", form.code(), locale);
        fields.addAll(forms.names(form.nameMs(), form.nameEn(), locale));
        fields.add(forms.select("state", "admin.state", null, form.state(), forms.states(locale), locale));
        return fields;
    }
}
