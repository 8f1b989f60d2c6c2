package my.gov.temujanji.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The staff home, a member's own password, and the summary of a branch they work at. */
@Controller
class StaffPages {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 200;

    private final CurrentStaff current;
    private final StaffAccounts accounts;
    private final AccountAdministration administration;
    private final PasswordEncoder passwords;
    private final Catalogue catalogue;
    private final StaffBranches branches;
    private final MessageSource messages;

    StaffPages(CurrentStaff current, StaffAccounts accounts, AccountAdministration administration,
            PasswordEncoder passwords, Catalogue catalogue, StaffBranches branches, MessageSource messages) {
        this.current = current;
        this.accounts = accounts;
        this.administration = administration;
        this.passwords = passwords;
        this.catalogue = catalogue;
        this.branches = branches;
        this.messages = messages;
    }

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
    Object changePassword(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
            Model model, Locale locale) {
        StaffMember member = current.get();
        String hash = accounts.find(member.username()).orElseThrow().passwordHash();
        List<FormErrors.Entry> errors = new ArrayList<>();
        if (currentPassword.isEmpty() || currentPassword.length() > MAX_PASSWORD_LENGTH
                || !passwords.matches(currentPassword, hash)) {
            errors.add(entry("currentPassword", "staff.password.error.current", locale));
        }
        if (newPassword.length() < MIN_PASSWORD_LENGTH) {
            errors.add(entry("newPassword", "staff.password.error.short", locale));
        } else if (newPassword.length() > MAX_PASSWORD_LENGTH) {
            errors.add(entry("newPassword", "staff.password.error.long", locale));
        } else if (newPassword.strip().equalsIgnoreCase(member.username())) {
            errors.add(entry("newPassword", "staff.password.error.username", locale));
        } else if (newPassword.equals(currentPassword)) {
            errors.add(entry("newPassword", "staff.password.error.same", locale));
        } else if (!newPassword.equals(confirmPassword)) {
            errors.add(entry("confirmPassword", "staff.password.error.confirm", locale));
        }
        if (!errors.isEmpty()) {
            return passwordPage(new FormErrors(errors), model);
        }
        administration.changeOwnPassword(member.username(), newPassword);
        RedirectView home = new RedirectView("/staff?passwordChanged");
        home.setStatusCode(HttpStatus.SEE_OTHER);
        return home;
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
        model.addAttribute("minLength", MIN_PASSWORD_LENGTH);
        model.addAttribute("pageUrl", SecurityConfiguration.PASSWORD);
        return "staff/password";
    }

    private FormErrors.Entry entry(String field, String key, Locale locale) {
        return new FormErrors.Entry(field, messages.getMessage(key, new Object[] {MIN_PASSWORD_LENGTH}, locale));
    }
}
