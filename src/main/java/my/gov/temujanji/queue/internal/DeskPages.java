package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Pages;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * An officer's desk: the number open there and what to do with it, call next, the numbers parked
 * there. Every action is one POST answered 303 back to the desk, saying what happened or why not.
 */
@Controller
@RequiredArgsConstructor
class DeskPages {

    static final String DESK = QueuePages.ROOT + "/{branch}/counters/{counter}";
    /** What each action reports on the desk's page (queue.done.*). */
    private static final Map<String, String> DONE = Map.of("recall", "recalled", "served", "served",
            "absent", "absent", "park", "parked", "resume", "resumed");

    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final Counters counters;
    private final Tickets tickets;
    private final Calls calls;
    private final QueueSettings settings;
    private final QueueTexts texts;
    private final Clock clock;

    @GetMapping(DESK)
    String desk(@PathVariable String branch, @PathVariable int counter, @RequestParam(required = false) String done,
            @RequestParam(required = false) String refused, Model model, Locale locale, HttpServletResponse response) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        Counters.Desk desk = counters.find(branch, counter)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_COUNTER_NOT_FOUND"));
        LocalDate today = LocalDate.now(clock);
        List<Ticket> called = tickets.ofDay(branch, today, TicketStatus.CALLED);
        model.addAttribute("branch", catalogue.requireBranch(branch));
        model.addAttribute("desk", desk);
        model.addAttribute("mine", member.username().equals(desk.officer()));
        model.addAttribute("open", called.stream().filter(t -> Integer.valueOf(counter).equals(t.counterNumber()))
                .findFirst().orElse(null));
        model.addAttribute("parked", tickets.ofDay(branch, today, TicketStatus.PARKED).stream()
                .filter(t -> Integer.valueOf(counter).equals(t.counterNumber())).toList());
        model.addAttribute("waiting", tickets.ofDay(branch, today, TicketStatus.WAITING).stream()
                .filter(t -> (t.forCounter() == null && desk.serviceCodes().contains(t.serviceCode()))
                        || Integer.valueOf(counter).equals(t.forCounter())).count());
        int absentAfter = settings.rules(branch).absentAfterCalls();
        model.addAttribute("absentAfter", absentAfter);
        model.addAttribute("offerings", catalogue.offeringsAt(branch));
        model.addAttribute("otherDesks", counters.of(branch).stream().filter(d -> d.number() != counter).toList());
        model.addAttribute("names", texts.serviceNames(branch, locale));
        model.addAttribute("done", texts.outcome("queue.done.", done, "", locale));
        model.addAttribute("refused", texts.outcome("problem.", refused, ".detail", locale, absentAfter));
        Pages.noStore(response);
        return "queue/desk";
    }

    @PostMapping(DESK + "/call-next")
    RedirectView callNext(@PathVariable String branch, @PathVariable int counter) {
        return act(branch, counter, "called", () -> calls.callNext(at(branch, counter)));
    }

    /** Recall, served, absent, park or resume the number {@code id} at this desk. */
    @PostMapping(DESK + "/tickets/{id}/{action:recall|served|absent|park|resume}")
    RedirectView ticketAction(@PathVariable String branch, @PathVariable int counter, @PathVariable long id,
            @PathVariable String action) {
        return act(branch, counter, DONE.get(action),
                () -> calls.move(at(branch, counter), id, Calls.Move.valueOf(action.toUpperCase(Locale.ROOT))));
    }

    /** {@code to} is {@code service:CODE} or {@code counter:N}. */
    @PostMapping(DESK + "/tickets/{id}/transfer")
    RedirectView transfer(@PathVariable String branch, @PathVariable int counter, @PathVariable long id,
            @RequestParam(required = false) String to) {
        return act(branch, counter, "transferred", () -> {
            Transfer target = Transfer.parse(to);
            if (target == null || (target.service() != null && catalogue.offeringsAt(branch).stream()
                    .noneMatch(o -> o.type().code().equals(target.service())))
                    || (target.counter() != null && counters.find(branch, target.counter()).isEmpty())) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "QUEUE_TRANSFER_TARGET");
            }
            return calls.transfer(at(branch, counter), id, target.service(), target.counter());
        });
    }

    /** Where a number is sent: a type or a desk. */
    record Transfer(String service, Integer counter) {
        static Transfer parse(String to) {
            if (to != null && to.matches("service:[A-Z]{2,10}")) {
                return new Transfer(to.substring(8), null);
            }
            if (to != null && to.matches("counter:\\d{1,2}")) {
                return new Transfer(null, Integer.valueOf(to.substring(8)));
            }
            return null;
        }
    }

    private Calls.At at(String branch, int counter) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        return new Calls.At(branch, counter, member.username());
    }

    private RedirectView act(String branch, int counter, String done, Supplier<Ticket> action) {
        current.get().requireBranch(branch);
        String desk = QueuePages.ROOT + "/" + branch + "/counters/" + counter;
        try {
            action.get();
            return Pages.seeOther(desk + "?done=" + done);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            return Pages.seeOther(desk + "?refused=" + problem.code());
        }
    }
}
