package my.gov.temujanji.queue.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Queue", description = "The branch day: calling numbers, the call display and ticket status")
@RequiredArgsConstructor
class QueueApiController {

    /** A number as the API shows it; {@code ahead} and {@code estimatedWaitMinutes} only while it waits. */
    record TicketView(String number, String branch, String service, TicketStatus status, Integer counter,
            Integer ahead, Long estimatedWaitMinutes, Instant calledAt, String id) {

        static TicketView of(Ticket t, Estimates.Standing standing) {
            return new TicketView(t.display(), t.branchCode(), t.serviceCode(), t.status(), t.counterNumber(),
                    standing == null ? null : standing.ahead(),
                    standing == null || standing.estimate() == null ? null : (long) Math.ceil(standing.estimate().toSeconds() / 60.0),
                    t.calledAt(), Long.toString(t.id()));
        }
    }

    private final Counters counters;
    private final Calls calls;
    private final Tickets tickets;
    private final Estimates estimates;
    private final Catalogue catalogue;
    private final DisplayStates states;

    @PostMapping("/api/v1/queue/counter/call-next")
    @Operation(summary = "Call the next number to the counter the token is signed in at",
            description = "Authorization: Bearer with the device token shown when the officer signed in to the counter. "
                    + "Takes the first waiting number the counter serves: priority first, then arrival (an appointment's "
                    + "counted the branch's window earlier); two counters calling at once never get the same number. "
                    + "401 QUEUE_TOKEN_INVALID; 409 QUEUE_COUNTER_BUSY while a number is open at the counter (mark it "
                    + "served, absent, parked or transferred first); 409 QUEUE_EMPTY when no one waits for it.")
    ResponseEntity<TicketView> callNext(@Parameter(hidden = true)
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Ticket called = calls.callNext(at(authorization));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TicketView.of(called, null));
    }

    @PostMapping("/api/v1/queue/counter/tickets/{id}/served")
    @Operation(summary = "Mark the number open at the token's counter served",
            description = "The service time runs from its last call. 401 QUEUE_TOKEN_INVALID; 409 QUEUE_TICKET_CHANGED "
                    + "when that number is not open at this counter.")
    ResponseEntity<TicketView> served(@PathVariable long id, @Parameter(hidden = true)
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Ticket served = calls.move(at(authorization), id, Calls.Move.SERVED);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TicketView.of(served, null));
    }

    @GetMapping("/api/v1/queue/branches/{branch}/display")
    @Operation(summary = "What the branch's call display shows now",
            description = "The numbers being called and at which counter (newest first), the last few called, and the "
                    + "waiting count per transaction type. 404 UNKNOWN_BRANCH.")
    ResponseEntity<DisplayState> display(@PathVariable String branch) {
        catalogue.requireBranch(branch);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(states.of(branch));
    }

    @GetMapping("/api/v1/queue/tickets/{token}")
    @Operation(summary = "A ticket's status, by the token of its page (its QR code)",
            description = "Its number, status, counter when called, and while waiting the numbers ahead and the estimate "
                    + "from the day's service times (null before the type's first number is served). "
                    + "404 QUEUE_TICKET_NOT_FOUND.")
    ResponseEntity<TicketView> ticket(@PathVariable String token) {
        Ticket ticket = (TicketPages.TOKEN.matcher(token).matches() ? tickets.byToken(token) : Optional.<Ticket>empty())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_TICKET_NOT_FOUND"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TicketView.of(ticket, estimates.of(ticket)));
    }

    private Calls.At at(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() > 200) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "QUEUE_TOKEN_INVALID");
        }
        Counters.Desk desk = counters.byToken(authorization.substring(7).strip())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "QUEUE_TOKEN_INVALID"));
        return new Calls.At(desk.branchCode(), desk.number(), desk.officer());
    }
}
