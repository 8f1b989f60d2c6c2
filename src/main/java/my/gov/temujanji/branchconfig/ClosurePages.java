package my.gov.temujanji.branchconfig;

import static my.gov.temujanji.branchconfig.BranchSettingsFlow.FORM;
import static my.gov.temujanji.platform.Pages.seeOther;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.ScheduleAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Branch closures (cuti peristiwa): the days the branch itself is closed, added and removed. */
@Controller
@RequiredArgsConstructor
class ClosurePages {

    private final BranchSettingsFlow flow;
    private final ScheduleAdministration schedule;
    private final BranchChanges changes;
    private final Clock clock;

    @GetMapping("/staff/branch/{code}/settings/closures")
    String closures(@PathVariable String code, Model model) {
        return page(flow.branch(code), Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/staff/branch/{code}/settings/closures")
    Object addClosure(@PathVariable String code, @Validated @ModelAttribute(FORM) ClosureForm form,
            BindingResult result, Model model, Locale locale) {
        Branch branch = flow.branch(code);
        if (!result.hasFieldErrors("day") && schedule.closedByBranch(code, form.date())) {
            result.rejectValue("day", "branchcfg.closure.error.exists");
        }
        if (result.hasErrors()) {
            return page(branch, form.answers(), flow.errors(result, locale, ClosureForm.FIELDS), model);
        }
        BranchChanges.Outcome outcome = changes.addClosure(code, form.date(), form.name(), form.confirmedReferences(),
                flow.staff());
        return flow.done(branch, outcome, "closures", form, model);
    }

    @PostMapping("/staff/branch/{code}/settings/closures/{id}/remove")
    Object removeClosure(@PathVariable String code, @PathVariable long id) {
        flow.branch(code);
        if (!changes.removeClosure(code, id)) {
            throw BranchSettingsFlow.notFound();
        }
        return seeOther(BranchSettingsFlow.overview(code) + "/closures?removed");
    }

    private String page(Branch branch, Map<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("closures", schedule.closures(branch.code(), LocalDate.now(clock)));
        model.addAttribute("values", values);
        model.addAttribute("formErrors", errors);
        return "branchconfig/closures";
    }
}
