package my.gov.temujanji.branchconfig;

import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page that shows who a change of a branch's schedule would cancel ({@link BranchChanges.Outcome}
 * not applied), with a form that sends the same answers again with their references as confirmed: for
 * the branch administrator's settings and the system administrator's catalogue alike.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ChangePreview {

    private final Catalogue catalogue;

    /** The view to render: {@code action} is where the form posts again, {@code backUrl} leaves unsaved. */
    public String page(Branch branch, BranchChanges.Outcome outcome, String action, String backUrl,
            ConfirmableForm form, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("affected", outcome.affected());
        model.addAttribute("action", action);
        model.addAttribute("backUrl", backUrl);
        model.addAttribute("resubmit", form.answers());
        model.addAttribute("confirmed", String.join(" ", outcome.references()));
        model.addAttribute("changedSinceShown", form.confirmed() != null);
        model.addAttribute("serviceNames", catalogue.allOfferingsAt(branch.code()).stream()
                .collect(Collectors.toMap(o -> o.type().code(), o -> o.type().name())));
        return "branchconfig/affected";
    }
}
