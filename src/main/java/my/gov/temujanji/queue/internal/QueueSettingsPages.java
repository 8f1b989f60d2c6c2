package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.Pages;
import my.gov.temujanji.queue.internal.QueueSettingsForms.CounterForm;
import my.gov.temujanji.queue.internal.QueueSettingsForms.RulesForm;
import my.gov.temujanji.queue.internal.QueueSettingsForms.WalkInForm;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A BRANCH_ADMIN's queue settings: the appointment window, absent-after-calls, walk-in caps and desks. */
@Controller
@RequiredArgsConstructor
class QueueSettingsPages {

    static final String PATH = QueuePages.ROOT + "/{branch}/settings";

    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final QueueSettings settings;
    private final Counters counters;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final MessageSource messages;

    @GetMapping(PATH)
    String page(@PathVariable String branch, Model model, HttpServletResponse response) {
        return show(branch, FormErrors.none(), null, model, response);
    }

    @PostMapping(PATH + "/rules")
    Object rules(@PathVariable String branch, @Valid @ModelAttribute RulesForm form, BindingResult result, Model model,
            Locale locale, HttpServletResponse response) {
        return save(branch, result, RulesForm.FIELDS, "rules", model, locale, response, () -> {
            settings.saveRules(branch, new QueueSettings.BranchRules(form.appointmentWindowMinutes(),
                    form.absentAfterCalls()));
            audit.record("QUEUE_SETTINGS", "branch", branch, branch, null, form);
        });
    }

    @PostMapping(PATH + "/walk-ins")
    Object walkIns(@PathVariable String branch, @Valid @ModelAttribute WalkInForm form, BindingResult result,
            Model model, Locale locale, HttpServletResponse response) {
        // A form that did not bind (a value of the wrong type) has no record to check further.
        if (!result.hasErrors() && !offered(branch).contains(form.service())) {
            result.rejectValue("dailyCap", "queue.settings.error.cap");
        }
        return save(branch, result, WalkInForm.FIELDS, "walkIns", model, locale, response, () -> {
            settings.saveWalkInCap(branch, form.service(), form.dailyCap());
            audit.record("QUEUE_WALK_IN_CAP", "branch", branch, branch, null, form);
        });
    }

    @PostMapping(PATH + "/counters")
    Object counter(@PathVariable String branch, @Valid @ModelAttribute CounterForm form, BindingResult result,
            Model model, Locale locale, HttpServletResponse response) {
        if (!result.hasErrors() && !offered(branch).containsAll(form.services())) {
            result.rejectValue("services", "queue.settings.error.services");
        }
        return save(branch, result, CounterForm.FIELDS, "counters", model, locale, response, () -> {
            counters.save(branch, form.number(), List.copyOf(Set.copyOf(form.services())));
            audit.record("QUEUE_COUNTER_SAVED", "queue_counter", branch + "/" + form.number(), branch, null, form);
        });
    }

    @PostMapping(PATH + "/counters/{number}/remove")
    Object remove(@PathVariable String branch, @PathVariable int number) {
        current.get().requireBranch(branch, Role.BRANCH_ADMIN);
        Boolean removed = transaction.execute(status -> {
            boolean done = counters.remove(branch, number);
            if (done) {
                audit.record("QUEUE_COUNTER_REMOVED", "queue_counter", branch + "/" + number, branch, null, null);
            }
            return done;
        });
        return Pages.seeOther(PATH.replace("{branch}", branch) + (Boolean.TRUE.equals(removed) ? "?saved" : "?busy"));
    }

    private Object save(String branch, BindingResult result, List<String> fields, String form, Model model,
            Locale locale, HttpServletResponse response, Runnable change) {
        current.get().requireBranch(branch, Role.BRANCH_ADMIN);
        catalogue.requireBranch(branch);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(branch, FormErrors.of(result, messages, locale, fields), form, model, response);
        }
        transaction.executeWithoutResult(status -> change.run());
        return Pages.seeOther(PATH.replace("{branch}", branch) + "?saved");
    }

    private String show(String branch, FormErrors errors, String failedForm, Model model,
            HttpServletResponse response) {
        current.get().requireBranch(branch, Role.BRANCH_ADMIN);
        model.addAttribute("branch", catalogue.requireBranch(branch));
        model.addAttribute("rules", settings.rules(branch));
        model.addAttribute("caps", settings.walkInCaps(branch));
        model.addAttribute("offerings", catalogue.offeringsAt(branch));
        model.addAttribute("desks", counters.of(branch));
        model.addAttribute("formErrors", errors);
        model.addAttribute("failedForm", failedForm);
        Pages.noStore(response);
        return "queue/settings";
    }

    private Set<String> offered(String branch) {
        return catalogue.offeringsAt(branch).stream().map(o -> o.type().code()).collect(Collectors.toSet());
    }
}
