package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.Pages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The walk-in kiosk of a branch: large buttons, one per transaction type the branch takes walk-ins for,
 * and the priority the applicant asks for. Works only in a browser a staff member unlocked
 * ({@link KioskPass}); without JavaScript too.
 */
@Controller
@RequiredArgsConstructor
class KioskPages {

    static final String ROOT = "/kiosk";

    private final KioskPass pass;
    private final Catalogue catalogue;
    private final QueueSettings settings;
    private final Arrivals arrivals;
    private final Clock clock;

    @GetMapping(ROOT + "/{branch}")
    String kiosk(@PathVariable String branch, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(branch, null, null, model, request, response);
    }

    @PostMapping(ROOT + "/{branch}/tickets")
    Object walkIn(@PathVariable String branch, @RequestParam(required = false) String service,
            @RequestParam(required = false) String priority, Model model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        if (!pass.unlocks(request, branch)) {
            return page(branch, null, null, model, request, response);
        }
        if (service == null || !settings.walkInCaps(branch).containsKey(service)) {
            return page(branch, "queue.kiosk.chooseService", HttpStatus.BAD_REQUEST, model, request, response);
        }
        Optional<Ticket> ticket = arrivals.walkIn(branch, service, Priority.parse(priority));
        if (ticket.isEmpty()) {
            return page(branch, "queue.kiosk.full", HttpStatus.CONFLICT, model, request, response);
        }
        return Pages.seeOther(TicketPages.ROOT + "/" + ticket.get().token() + "?kiosk=" + branch);
    }

    /** Ends the kiosk on this browser (anyone standing at it may; only staff can unlock it again). */
    @PostMapping(ROOT + "/{branch}/lock")
    Object lock(@PathVariable String branch, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, pass.revoke(request.isSecure()).toString());
        return Pages.seeOther(ROOT + "/" + branch);
    }

    /** The kiosk, or its locked page (403); {@code problem} a message key answered with {@code status}. */
    private String page(String branch, String problem, HttpStatus status, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Branch place = catalogue.requireBranch(branch);
        model.addAttribute("branch", place);
        Pages.noStore(response);
        if (!pass.unlocks(request, branch)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "queue/kiosk-locked";
        }
        Map<String, Integer> caps = settings.walkInCaps(branch);
        List<Offering> walkIns = catalogue.offeringsAt(branch).stream()
                .filter(o -> caps.containsKey(o.type().code())).toList();
        model.addAttribute("walkIns", walkIns);
        model.addAttribute("prefixes", walkIns.stream().collect(Collectors.toMap(
                o -> o.type().code(), o -> settings.prefix(o.type().code()))));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("problem", problem);
        if (status != null) {
            response.setStatus(status.value());
        }
        return "queue/kiosk";
    }
}
