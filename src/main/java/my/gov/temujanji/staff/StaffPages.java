package my.gov.temujanji.staff;

import java.util.Locale;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.Pages;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The staff home, a member's own password, and the summary of a branch they work at. */
@Controller
@RequiredArgsConstructor
class StaffPages {

    private final CurrentStaff current;
    private final StaffAccounts accounts;
    private final AccountAdministration administration;
    private final Catalogue catalogue;
    private final StaffBranches branches;
    private final MessageSource messages;

    /** The system administrator's own pages, in everyone's navigation the same way as later ones. */
    @Bean
    static StaffLink accountsLink() {
        return new StaffLink("/staff/admin/accounts", "staff.nav.accounts", "staff.nav.accounts.hint",
                Role.SYSTEM_ADMIN, 80);
    }

    @Bean
    static StaffLink auditLink() {
        return new StaffLink("/staff/admin/audit", "staff.nav.audit", "staff.nav.audit.hint", Role.SYSTEM_ADMIN, 90);
    }

    @GetMapping("/staff")
    String home(Model model) {
        StaffMember member = current.get();
        model.addAttribute("member", member);
        model.addAttribute("branches", branches.own(member));
        return "staff/home";
    }

    @GetMapping(SecurityConfiguration.PASSWORD)
    String passwordPage(Model model) {
        return passwordPage(FormErrors.none(), model);
    }

    @PostMapping(SecurityConfiguration.PASSWORD)
    Object changePassword(@Valid @ModelAttribute("password") PasswordForm form, BindingResult result, Model model,
            Locale locale) {
        if (result.hasErrors()) {
            return passwordPage(FormErrors.of(result, messages, locale, PasswordForm.FIELDS), model);
        }
        administration.changeOwnPassword(current.get().username(), form.newPassword());
        return Pages.seeOther("/staff?passwordChanged");
    }

    /**
     * A branch's summary, for those who work there: the rule every branch-scoped page follows
     * ({@link StaffMember#requireBranch(String)} first).
     */
    @GetMapping("/staff/branches/{code}")
    String branch(@PathVariable String code, Model model) {
        StaffMember member = current.get();
        member.requireBranch(code);
        Branch branch = catalogue.branch(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        model.addAttribute("branch", branch);
        model.addAttribute("offerings", catalogue.offeringsAt(code));
        model.addAttribute("staffAtBranch", accounts.workingAt(code));
        return "staff/branch";
    }

    private String passwordPage(FormErrors errors, Model model) {
        model.addAttribute("member", current.get());
        model.addAttribute("formErrors", errors);
        model.addAttribute("minLength", PasswordForm.MIN_LENGTH);
        model.addAttribute("pageUrl", SecurityConfiguration.PASSWORD);
        return "staff/password";
    }

}
