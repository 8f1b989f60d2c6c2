package my.gov.temujanji.branchconfig;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What every branch settings page does the same way: whose branch it is, and what follows a change. */
@Component
@RequiredArgsConstructor
class BranchSettingsFlow {

    /**
     * The model attribute a settings form record is bound as: its fields' labels are then the bundle's
     * {@code branchcfg.field.<field>} keys, which the {@code {0}} of {@code branchcfg.error.number} names.
     */
    static final String FORM = "branchcfg.field";

    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final ChangePreview preview;
    private final MessageSource messages;

    /** The branch, after checking the signed-in member administers it (403 otherwise); 404 when unknown. */
    Branch branch(String code) {
        current.get().requireBranch(code, Role.BRANCH_ADMIN);
        return catalogue.branch(code).orElseThrow(BranchSettingsFlow::notFound);
    }

    FormErrors errors(BindingResult result, Locale locale, List<String> fieldOrder) {
        return FormErrors.of(result, messages, locale, fieldOrder);
    }

    String staff() {
        return current.get().username();
    }

    /** After a change: saved, back to the overview; or the appointments it would cancel, to confirm. */
    Object done(Branch branch, BranchChanges.Outcome outcome, String page, ConfirmableForm form, Model model) {
        if (outcome.applied()) {
            return seeOther(overview(branch.code()) + "?saved"
                    + (outcome.affected().isEmpty() ? "" : "&cancelled=" + outcome.affected().size()));
        }
        String url = overview(branch.code()) + "/" + page;
        return preview.page(branch, outcome, url, url, form, model);
    }

    static String overview(String code) {
        return "/staff/branch/" + code + "/settings";
    }

    static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }
}
