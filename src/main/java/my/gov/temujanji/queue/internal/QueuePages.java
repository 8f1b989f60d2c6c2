package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Pages;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffBranches;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The branch's queue for its staff: the desks and who is signed in, the waiting numbers in calling
 * order (with the priority an officer may change), signing in to a desk, and unlocking the kiosk.
 */
@Controller
@RequiredArgsConstructor
class QueuePages {

    static final String ROOT = "/staff/queue";

    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final StaffBranches staffBranches;
    private final Counters counters;
    private final Tickets tickets;
    private final Arrivals arrivals;
    private final KioskPass kiosk;
    private final QueueTexts texts;
    private final Clock clock;

    @Bean
    static StaffLink queueLink() {
        return new StaffLink(ROOT, "queue.nav", "queue.nav.hint", Role.OFFICER, 20);
    }

    /** An officer of one branch goes straight to it; others choose. */
    @GetMapping(ROOT)
    Object chooseBranch(Model model) {
        StaffMember member = current.get();
        List<Branch> branches = staffBranches.visible(member);
        if (branches.size() == 1) {
            return Pages.seeOther(ROOT + "/" + branches.get(0).code());
        }
        model.addAttribute("branches", branches);
        return "queue/choose";
    }

    @GetMapping(ROOT + "/{branch}")
    String overview(@PathVariable String branch, @RequestParam(required = false) String done, Model model,
            Locale locale, HttpServletResponse response) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("branch", catalogue.requireBranch(branch));
        model.addAttribute("member", member);
        model.addAttribute("admin", member.is(Role.BRANCH_ADMIN));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("desks", counters.of(branch));
        model.addAttribute("waiting", tickets.ofDay(branch, today, TicketStatus.WAITING));
        model.addAttribute("called", tickets.ofDay(branch, today, TicketStatus.CALLED));
        model.addAttribute("parked", tickets.ofDay(branch, today, TicketStatus.PARKED));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("names", texts.serviceNames(branch, locale));
        model.addAttribute("done", texts.outcome("queue.done.", done, "", locale));
        Pages.noStore(response);
        return "queue/overview";
    }

    /** Signs in to a desk and shows its device token once (for the JSON API); 409 while another officer holds it. */
    @PostMapping(ROOT + "/{branch}/counters/{counter}/sign-in")
    String signIn(@PathVariable String branch, @PathVariable int counter, Model model, HttpServletResponse response) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        counters.find(branch, counter)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_COUNTER_NOT_FOUND"));
        String token = counters.signIn(branch, counter, member.username(), clock.instant(),
                        LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant())
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "QUEUE_COUNTER_TAKEN"));
        model.addAttribute("branch", catalogue.requireBranch(branch));
        model.addAttribute("counter", counter);
        model.addAttribute("token", token);
        Pages.noStore(response);
        return "queue/signed-in";
    }

    @PostMapping(ROOT + "/{branch}/counters/{counter}/sign-out")
    RedirectView signOut(@PathVariable String branch, @PathVariable int counter) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        boolean out = counters.signOut(branch, counter, member.username());
        return Pages.seeOther(ROOT + "/" + branch + (out ? "?done=signedOut" : ""));
    }

    /** An officer's override: {@code priority} blank for none. */
    @PostMapping(ROOT + "/{branch}/tickets/{id}/priority")
    RedirectView priority(@PathVariable String branch, @PathVariable long id,
            @RequestParam(required = false) String priority) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        arrivals.setPriority(branch, id, Priority.parse(priority), member.username());
        return Pages.seeOther(ROOT + "/" + branch + "?done=priority");
    }

    /**
     * Turns this browser into the branch's kiosk until midnight and signs its staff member out, so that
     * the kiosk's public never uses a staff session.
     */
    @PostMapping(ROOT + "/{branch}/kiosk")
    RedirectView unlockKiosk(@PathVariable String branch, HttpServletRequest request, HttpServletResponse response) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        catalogue.requireBranch(branch);
        response.addHeader(HttpHeaders.SET_COOKIE, kiosk.issue(branch, member.username(), request.isSecure())
                .toString());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return Pages.seeOther(KioskPages.ROOT + "/" + branch);
    }
}
