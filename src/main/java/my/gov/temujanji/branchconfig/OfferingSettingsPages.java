package my.gov.temujanji.branchconfig;

import static my.gov.temujanji.branchconfig.BranchSettingsFlow.FORM;

import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.BranchSettings;
import my.gov.temujanji.catalogue.BranchSettings.OfferingSettings;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A transaction type as the branch offers it: places, slot length and the branch's own booking window. */
@Controller
@RequiredArgsConstructor
class OfferingSettingsPages {

    private final BranchSettingsFlow flow;
    private final BranchSettings offerings;
    private final BranchChanges changes;

    @GetMapping("/staff/branch/{code}/settings/services/{service}")
    String offering(@PathVariable String code, @PathVariable String service, Model model) {
        Branch branch = flow.branch(code);
        OfferingSettings settings = settings(code, service);
        return page(branch, settings, OfferingSettingsForm.of(settings), FormErrors.none(), model);
    }

    @PostMapping("/staff/branch/{code}/settings/services/{service}")
    Object changeOffering(@PathVariable String code, @PathVariable String service,
            @Validated @ModelAttribute(FORM) OfferingSettingsForm form, BindingResult result, Model model,
            Locale locale) {
        Branch branch = flow.branch(code);
        OfferingSettings settings = settings(code, service);
        if (result.hasErrors()) {
            return page(branch, settings, form, flow.errors(result, locale, OfferingSettingsForm.FIELDS),
                    model);
        }
        BranchChanges.Outcome outcome = changes.changeOffering(code, form.changed(settings), form.confirmedReferences(),
                flow.staff());
        return flow.done(branch, outcome, "services/" + service, form, model);
    }

    private String page(Branch branch, OfferingSettings settings, OfferingSettingsForm form, FormErrors errors,
            Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("settings", settings);
        model.addAttribute("values", form.answers());
        model.addAttribute("formErrors", errors);
        return "branchconfig/offering";
    }

    private OfferingSettings settings(String code, String service) {
        return offerings.settings(code, service).orElseThrow(BranchSettingsFlow::notFound);
    }
}
