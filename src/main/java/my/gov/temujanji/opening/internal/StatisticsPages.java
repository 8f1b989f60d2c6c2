package my.gov.temujanji.opening.internal;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.TransactionType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /statistik: the releases' public figures, the draws' secrets and hashes, and how to check a draw. */
@Controller
@RequiredArgsConstructor
class StatisticsPages {

    private final Statistics statistics;
    private final Catalogue catalogue;

    record Shown(Statistics.ReleaseFigures figures, String service, StatisticsChart chart) {
    }

    @GetMapping("/statistik")
    String statistics(Model model, Locale locale) {
        Map<String, String> services = catalogue.transactionTypes().stream()
                .collect(Collectors.toMap(TransactionType::code, t -> t.name().in(locale)));
        Map<String, String> branches = catalogue.allBranches().stream()
                .collect(Collectors.toMap(Branch::code, b -> b.name().in(locale)));
        model.addAttribute("releases", statistics.latest().stream()
                .map(f -> new Shown(f, services.getOrDefault(f.release().service(), f.release().service()),
                        StatisticsChart.of(f.rows())))
                .toList());
        model.addAttribute("branchNames", branches);
        return "opening/statistics";
    }
}
