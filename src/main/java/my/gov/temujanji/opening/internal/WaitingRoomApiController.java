package my.gov.temujanji.opening.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/waiting-room")
@Tag(name = "Waiting room", description = "The fair opening: a ticket, the draw and the pass a hold of a day released "
        + "today needs")
@RequiredArgsConstructor
class WaitingRoomApiController {

    private final WaitingRoomTickets tickets;
    private final WaitingRoom room;
    private final TicketForm form;
    private final RateLimits rateLimits;
    private final Clock clock;

    record JoinRequest(String branch, String service, String documentType, String documentNumber, String email) {
    }

    record CodeRequest(String code) {
    }

    /** {@code ticketToken} only in the answer to joining: it is the client's, and goes with every later call. */
    record TicketView(UUID ticketId, String ticketToken, WaitingRoom.Stage stage, Integer position, long ahead,
            long estimatedWaitSeconds, String pass, OffsetDateTime passExpiresAt, OffsetDateTime opensAt,
            String secretSha256, String secret) {
    }

    @PostMapping("/tickets")
    @Operation(summary = "Take a ticket in the waiting room of today's release of a transaction type",
            description = "201 with the ticket and its token (send it as Ticket-Token from now on); a 6-digit code is "
                    + "e-mailed, to POST .../confirm. 409 WAITING_ROOM_CLOSED, TICKET_EXISTS (this document has a "
                    + "confirmed ticket for this release) or TOO_MANY_TICKETS (per e-mail address); 422 "
                    + "INVALID_APPLICANT with field errors; 403 BOOKING_REFUSED; 404 for unknown codes; 429 RATE_LIMITED.")
    ResponseEntity<TicketView> join(@RequestBody JoinRequest request, HttpServletRequest http) {
        if (request.branch() == null || request.service() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        rateLimits.check(LimitedAction.HOLD, http, request.documentNumber());
        Locale locale = LocaleContextHolder.getLocale();
        TicketForm.Checked checked = form.check(
                new TicketForm.Input(request.documentType(), request.documentNumber(), request.email()), locale);
        if (!checked.valid()) {
            // The problems and the form's entries are in the same order, one for one.
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_APPLICANT",
                    IntStream.range(0, checked.problems().size()).mapToObj(i -> new ApiProblem.FieldProblem(
                            checked.problems().get(i).field(), checked.problems().get(i).code(),
                            checked.errors().entries().get(i).text())).toList());
        }
        String token = TicketForm.newClientToken();
        WaitingRoomTickets.Joined joined = tickets.join(request.service(), request.branch(), checked.type(), checked.number(),
                checked.email(), "en".equals(locale.getLanguage()) ? "en" : "ms", token);
        // Told from the join itself: a join of the same document a moment later may already have replaced it.
        return ResponseEntity.status(HttpStatus.CREATED).body(new TicketView(joined.ticket(), token,
                WaitingRoom.Stage.UNCONFIRMED, null, 0, 0, null, null, offset(joined.release().opensAt()),
                joined.release().secretSha256(), joined.release().publishedSecret(clock.instant())));
    }

    @PostMapping("/tickets/{id}/confirm")
    @Operation(summary = "Confirm a ticket with the e-mailed code",
            description = "200 with the ticket; 404 TICKET_NOT_FOUND (also with another client's token); 422 "
                    + "TICKET_CODE_WRONG; 410 TICKET_CODE_EXPIRED (take a ticket again).")
    TicketView confirm(@PathVariable String id, @RequestBody CodeRequest request, @Parameter(description = "The ticket's token")
            @RequestHeader(name = HoldGate.Pass.CLIENT_HEADER, required = false) String token) {
        tickets.confirm(ticketId(id), request.code(), token);
        return view(room.status(ticketId(id), token), null);
    }

    @GetMapping("/tickets/{id}")
    @Operation(summary = "Where a ticket stands: its position, the estimate, and once admitted the pass",
            description = "stage UNCONFIRMED, WAITING_FOR_DRAW (before the opening), WAITING, ADMITTED (with pass: send "
                    + "it as Opening-Pass with Ticket-Token to POST /api/v1/holds, once), USED, EXPIRED or LEFT. "
                    + "404 TICKET_NOT_FOUND.")
    TicketView status(@PathVariable String id, @Parameter(description = "The ticket's token")
            @RequestHeader(name = HoldGate.Pass.CLIENT_HEADER, required = false) String token) {
        return view(room.status(ticketId(id), token), null);
    }

    @PostMapping("/tickets/{id}/leave")
    @Operation(summary = "Leave the waiting room", description = "200 with the ticket, LEFT; 404 TICKET_NOT_FOUND.")
    TicketView leave(@PathVariable String id, @Parameter(description = "The ticket's token")
            @RequestHeader(name = HoldGate.Pass.CLIENT_HEADER, required = false) String token) {
        tickets.leave(ticketId(id), token);
        return view(room.status(ticketId(id), token), null);
    }

    /** A ticket id as the path has it: anything but a UUID names no ticket (a blank one no path variable). */
    private static UUID ticketId(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException notATicket) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "TICKET_NOT_FOUND");
        }
    }

    private TicketView view(WaitingRoom.Status status, String token) {
        return new TicketView(status.ticket().id(), token, status.stage(), status.ticket().position(), status.ahead(),
                status.waitSeconds(), status.pass(), offset(status.passExpires()), offset(status.release().opensAt()),
                status.release().secretSha256(), status.release().publishedSecret(clock.instant()));
    }

    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime();
    }
}
