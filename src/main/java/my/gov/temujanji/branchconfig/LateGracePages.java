package my.gov.temujanji.branchconfig;

import static my.gov.temujanji.branchconfig.BranchSettingsFlow.FORM;
import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.BranchSettings;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Minutes of grace for a late applicant at the branch's counter. */
@Controller
@RequiredArgsConstructor
class LateGracePages {

    private final BranchSettingsFlow flow;
    private final BranchSettings offerings;
    private final BranchChanges changes;

    @GetMapping("/staff/branch/{code}/settings/late-grace")
    String lateGrace(@PathVariable String code, Model model) {
        Branch branch = flow.branch(code);
        return page(branch, String.valueOf(offerings.lateGraceMinutes(code)), FormErrors.none(), model);
    }

    @PostMapping("/staff/branch/{code}/settings/late-grace")
    Object changeLateGrace(@PathVariable String code, @Validated @ModelAttribute(FORM) LateGraceForm form,
            BindingResult result, Model model, Locale locale) {
        Branch branch = flow.branch(code);
        if (result.hasErrors()) {
            return page(branch, form.lateGraceMinutes() == null ? "" : form.lateGraceMinutes(),
                    flow.errors(result, locale, LateGraceForm.FIELDS), model);
        }
        changes.setLateGraceMinutes(code, form.minutes());
        return seeOther(BranchSettingsFlow.overview(code) + "?saved");
    }

    private String page(Branch branch, String value, FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("lateGraceMinutes", value);
        model.addAttribute("formErrors", errors);
        return "branchconfig/late-grace";
    }
}
