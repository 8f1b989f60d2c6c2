package my.gov.temujanji.branchconfig;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.ScheduleAdministration;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.WebRequest;

/** The branch's weekly counter hours: up to {@value HoursForm#PERIODS} opening periods a day. */
@Controller
@RequiredArgsConstructor
class HoursPages {

    private final BranchSettingsFlow flow;
    private final ScheduleAdministration schedule;
    private final BranchChanges changes;
    private final MessageSource messages;

    @GetMapping("/staff/branch/{code}/settings/hours")
    String hours(@PathVariable String code, Model model) {
        return page(flow.branch(code), HoursForm.values(schedule.hours(code)), FormErrors.none(), model);
    }

    @PostMapping("/staff/branch/{code}/settings/hours")
    Object changeHours(@PathVariable String code, WebRequest request, Model model, Locale locale) {
        Branch branch = flow.branch(code);
        HoursForm.Parsed form = HoursForm.parse(request::getParameter, messages, locale);
        if (form.errors().any()) {
            return page(branch, form.values(), form.errors(), model);
        }
        BranchChanges.Outcome outcome = changes.changeHours(code, form.hours(), form.confirmedReferences(),
                flow.staff());
        return flow.done(branch, outcome, "hours", form, model);
    }

    private String page(Branch branch, Map<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("values", values);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("periods", IntStream.rangeClosed(1, HoursForm.PERIODS).boxed().toList());
        model.addAttribute("formErrors", errors);
        return "branchconfig/hours";
    }
}
