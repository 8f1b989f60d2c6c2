package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.PATH;

import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /staff/admin/catalogue}: departments, branches and transaction types, each opening its form
 * ({@link DepartmentPages}, {@link BranchPages}, {@link TypePages}, {@link OfferingPages}), for a system
 * administrator (the URL rule of {@code /staff/admin/**}). Every form is checked on the server and comes
 * back with an error summary, each field's message and what was typed. Codes are chosen once; branches
 * and offerings are switched off, never deleted.
 */
@Controller
@RequiredArgsConstructor
class CatalogueAdminPages {

    private final Catalogue catalogue;

    @Bean
    static StaffLink catalogueLink() {
        return new StaffLink(PATH, "admin.nav", "admin.nav.hint", Role.SYSTEM_ADMIN, 85);
    }

    @GetMapping(PATH)
    String overview(Model model) {
        model.addAttribute("departments", catalogue.allDepartments());
        model.addAttribute("branches", catalogue.allBranches());
        model.addAttribute("types", catalogue.transactionTypes());
        return "administration/catalogue";
    }
}
