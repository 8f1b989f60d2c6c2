package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.PATH;

import java.util.List;
import java.util.Locale;
import my.gov.temujanji.administration.FormField.Option;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /staff/admin/catalogue/branches}: a branch created (with another's weekly hours) or changed. */
@Controller
@RequestMapping(PATH + "/branches")
class BranchPages extends CatalogueEntryPages<BranchForm> {

    BranchPages(AdminForms forms, CatalogueAdministration administration) {
        super(forms, administration,
                new EntryKind<>("branch", "branches", BranchForm.blank(), BranchForm.FIELDS));
    }

    @Override
    BranchForm existing(String code) {
        return BranchForm.of(forms.catalogue().branch(code).orElseThrow(AdminForms::notFound));
    }

    @Override
    boolean save(String code, BranchForm form) {
        Branch b = form.branch(code);
        return code == null ? administration.create(b, form.hoursFrom().strip()) : administration.update(b);
    }

    @Override
    String savedUrl(String code, BranchForm form) {
        return PATH + "/branches/" + form.branch(code).code() + "?saved";
    }

    @Override
    List<FormField> questions(String code, BranchForm form, Model model, Locale locale) {
        List<FormField> fields = forms.startingWithCode(code, "admin.code.hint", form.code(), locale);
        fields.add(forms.select("department", "admin.department", null, form.department(),
                forms.catalogue().allDepartments().stream().map(d -> new Option(d.code(), d.name().in(locale))).toList(),
                locale));
        fields.add(forms.select("state", "admin.state", null, form.state(), forms.states(locale), locale));
        fields.addAll(forms.names(form.nameMs(), form.nameEn(), locale));
        fields.add(forms.text("address", "admin.address", null, form.address(), locale));
        if (code == null) {
            fields.add(forms.select("hoursFrom", "admin.hoursFrom", "admin.hoursFrom.hint", form.hoursFrom(),
                    forms.catalogue().allBranches().stream()
                            .map(b -> new Option(b.code(), b.code() + " – " + b.name().in(locale))).toList(), locale));
        } else {
            fields.add(forms.checkbox("active", "admin.branch.active", form.active(), locale));
            model.addAttribute("offerings", forms.catalogue().allOfferingsAt(code));
            model.addAttribute("branchCode", code);
        }
        return fields;
    }
}
