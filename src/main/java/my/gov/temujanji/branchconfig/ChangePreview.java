package my.gov.temujanji.branchconfig;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
public class ChangePreview {

    private final Catalogue catalogue;

    ChangePreview(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The references a form confirmed (its {@code confirmed} field, as {@link #page} wrote it). */
    public static Set<String> confirmed(Map<String, String> params) {
        return Arrays.stream(params.getOrDefault("confirmed", "").split("\\s+")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
    }

    /** The view to render: {@code action} is where the form posts again, {@code backUrl} leaves unsaved. */
    public String page(Branch branch, BranchChanges.Outcome outcome, String action, String backUrl,
            Map<String, String> params, Model model) {
        Map<String, String> resubmit = new LinkedHashMap<>(params);
        resubmit.remove("_csrf");
        resubmit.remove("confirmed");
        model.addAttribute("branch", branch);
        model.addAttribute("affected", outcome.affected());
        model.addAttribute("action", action);
        model.addAttribute("backUrl", backUrl);
        model.addAttribute("resubmit", resubmit);
        model.addAttribute("confirmed", String.join(" ", outcome.references()));
        model.addAttribute("changedSinceShown", params.containsKey("confirmed"));
        model.addAttribute("serviceNames", catalogue.allOfferingsAt(branch.code()).stream()
                .collect(Collectors.toMap(o -> o.type().code(), o -> o.type().name())));
        return "branchconfig/affected";
    }
}
