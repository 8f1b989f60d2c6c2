package my.gov.temujanji.waitlist.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
import my.gov.temujanji.waitlist.WaitlistLength;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The back office's view of the waitlists: how many wait at each branch and transaction type the
 * member works with (a sign more places are needed), and, for a system administrator, the switch of
 * each transaction type's waitlist, audited.
 */
@Controller
@RequiredArgsConstructor
class WaitlistStaffPages {

    static final String PATH = "/staff/waitlist";

    /** A transaction type and whether its waitlist is open. */
    record Switch(TransactionType type, boolean open) {
    }

    private final WaitlistRepository repository;
    private final Catalogue catalogue;
    private final CurrentStaff current;
    private final AuditLog audit;

    @Bean
    static StaffLink waitlistLink() {
        return new StaffLink(PATH, "waitlist.nav", "waitlist.nav.hint", Role.OFFICER, 72);
    }

    @GetMapping(PATH)
    String page(Model model) {
        StaffMember member = current.get();
        boolean admin = member.is(Role.SYSTEM_ADMIN);
        List<WaitlistLength> lengths = repository.lengths(admin ? null : List.copyOf(member.branches()));
        model.addAttribute("lengths", lengths);
        model.addAttribute("branches", catalogue.allBranches().stream()
                .collect(Collectors.toMap(Branch::code, Branch::name)));
        model.addAttribute("types", catalogue.transactionTypes().stream()
                .collect(Collectors.toMap(TransactionType::code, TransactionType::name)));
        model.addAttribute("admin", admin);
        model.addAttribute("switches", catalogue.transactionTypes().stream()
                .map(t -> new Switch(t, repository.enabled(t.code()))).toList());
        return "waitlist/staff";
    }

    @PostMapping(PATH + "/services/{service}")
    @Transactional
    public RedirectView switchWaitlist(@PathVariable String service, @RequestParam boolean open) {
        StaffMember member = current.get();
        if (!member.is(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException(member.username() + " is not " + Role.SYSTEM_ADMIN);
        }
        TransactionType type = catalogue.transactionTypes().stream().filter(t -> t.code().equals(service)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("no transaction type " + service));
        boolean before = repository.setEnabled(type.code(), open);
        audit.record("WAITLIST_SWITCHED", "transaction_type", type.code(), null, Map.of("open", before),
                Map.of("open", open));
        return seeOther(PATH);
    }
}
