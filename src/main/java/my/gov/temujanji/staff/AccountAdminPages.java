package my.gov.temujanji.staff;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Pentadbir sistem: staff accounts. A new account, or a reset, gets a one-time password shown once on
 * the page that answers the POST (never stored, never in an address); its holder must change it at
 * their first login. SYSTEM_ADMIN only (the URL rule of {@code /staff/admin/**}).
 */
@Controller
@RequiredArgsConstructor
class AccountAdminPages {

    static final String PATH = "/staff/admin/accounts";

    /** One department's branches, for the branch checkboxes. */
    record BranchGroup(Department department, List<Branch> branches) {
    }

    private final StaffAccounts accounts;
    private final AccountAdministration administration;
    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping(PATH)
    String list(Model model) {
        List<StaffAccounts.Account> all = accounts.all();
        // An Instant has no day or hour to print: locks are shown in branch time, judged on our clock.
        Map<String, ZonedDateTime> lockedUntil = new HashMap<>();
        accounts.lockedUntil(clock.instant()).forEach((username, until) -> lockedUntil.put(username,
                until.atZone(clock.getZone())));
        model.addAttribute("accounts", all);
        model.addAttribute("lockedUntil", lockedUntil);
        model.addAttribute("me", current.get().username());
        return "staff/admin/accounts";
    }

    @GetMapping(PATH + "/new")
    String newAccount(Model model) {
        return form("", "", null, Set.of(), FormErrors.none(), model);
    }

    @PostMapping(PATH)
    String create(@Validated @ModelAttribute("account") AccountForm form, BindingResult result, Model model,
            Locale locale, HttpServletResponse response) {
        Role chosen = form.chosenRole();
        if (result.hasErrors()) {
            return form(form.username(), form.displayName(), chosen, form.chosenBranches(),
                    FormErrors.of(result, messages, locale, AccountForm.FIELDS), model);
        }
        Optional<String> password = administration.create(form.username(), form.displayName(), chosen,
                form.chosenBranches());
        if (password.isEmpty()) {
            return form(form.username(), form.displayName(), chosen, form.chosenBranches(),
                    FormErrors.one("username", text("staff.accounts.error.taken", locale)), model);
        }
        return oneTimePassword(form.username(), password.get(), "created", model, response);
    }

    @PostMapping(PATH + "/{username}/disable")
    RedirectView disable(@PathVariable String username) {
        if (username.equals(current.get().username())) {
            // The last administrator could lock everyone out; another administrator must do it.
            throw new ApiProblem(HttpStatus.CONFLICT, "OWN_ACCOUNT");
        }
        return afterChange(administration.setEnabled(username, false));
    }

    @PostMapping(PATH + "/{username}/enable")
    RedirectView enable(@PathVariable String username) {
        return afterChange(administration.setEnabled(username, true));
    }

    @PostMapping(PATH + "/{username}/password")
    String resetPassword(@PathVariable String username, Model model, HttpServletResponse response) {
        String password = administration.resetPassword(username)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
        return oneTimePassword(username, password, "reset", model, response);
    }

    private String oneTimePassword(String username, String password, String kind, Model model,
            HttpServletResponse response) {
        noStore(response);
        model.addAttribute("username", username);
        model.addAttribute("password", password);
        model.addAttribute("kind", kind);
        return "staff/admin/one-time-password";
    }

    private RedirectView afterChange(boolean changed) {
        if (!changed) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
        return seeOther(PATH);
    }

    private String form(String username, String displayName, Role role, Set<String> branches, FormErrors errors,
            Model model) {
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("chosenBranches", branches);
        model.addAttribute("branchGroups", catalogue.departments().stream()
                .map(d -> new BranchGroup(d, catalogue.branchesOf(d.code()))).toList());
        model.addAttribute("formErrors", errors);
        model.addAttribute("pageUrl", PATH + "/new");
        return "staff/admin/account-new";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
