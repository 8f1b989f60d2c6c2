package my.gov.temujanji.waitlist.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/waitlist")
@Tag(name = "Waitlist", description = "Waiting for a place given back when the days wanted are full")
@RequiredArgsConstructor
class WaitlistApiController {

    private final Joining joining;
    private final OfferAnswers answers;
    private final WaitlistStatus status;
    private final RateLimits rateLimits;
    private final Clock clock;

    record JoinBody(String branch, String service, LocalDate from, LocalDate to, String partOfDay,
            String documentType, String documentNumber, String email) {
    }

    record OfferView(UUID offerId, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start,
            @JsonFormat(pattern = "HH:mm") LocalTime end, OffsetDateTime deadline) {
    }

    /** {@code position}: 1 for the next to be offered a place; null unless waiting or offered one. */
    record EntryView(UUID entryId, String state, String branch, String service, LocalDate from, LocalDate to,
            String partOfDay, Long position, OffsetDateTime codeExpiresAt, OfferView offer) {
    }

    record CodeBody(String code) {
    }

    record AcceptedView(UUID holdId) {
    }

    @PostMapping
    @Operation(summary = "Join the waitlist of a branch and transaction type for a range of days",
            description = "201 with the entry, UNCONFIRMED: a 6-digit code is e-mailed, to be sent to "
                    + "POST /api/v1/waitlist/{entryId}/confirm within 10 minutes; only then does the entry take its "
                    + "number in the queue. partOfDay: ANY (default), MORNING (slots before 12:00) or AFTERNOON. 409 "
                    + "WAITLIST_ALREADY_JOINED (one entry per document and transaction type) or WAITLIST_CLOSED; 422 "
                    + "INVALID_APPLICANT with field errors, INVALID_RANGE, RANGE_TOO_LONG, WAITLIST_RANGE_PAST or "
                    + "INVALID_PART_OF_DAY; 403 BOOKING_REFUSED when these details cannot book; 404 for unknown "
                    + "codes; 429 RATE_LIMITED with Retry-After (the hold limits).")
    ResponseEntity<EntryView> join(@RequestBody JoinBody body, HttpServletRequest http) {
        rateLimits.check(LimitedAction.HOLD, http, body.documentNumber());
        Entry entry = joining.join(new Joining.JoinRequest(body.branch(), body.service(), body.from(), body.to(),
                body.partOfDay(), body.documentType(), body.documentNumber(), body.email()),
                LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(entry));
    }

    @PostMapping("/{entryId}/confirm")
    @Operation(summary = "Confirm an entry's e-mail address with the 6-digit code sent to it",
            description = "200 with the entry, WAITING, and its position. 422 CONFIRMATION_CODE_INVALID or "
                    + "CONFIRMATION_CODE_WRONG (tries left in the detail); 409 WAITLIST_CODE_TRIES_USED after 5 wrong "
                    + "codes (join again once the code has run out) or WAITLIST_ALREADY_CONFIRMED; 410 "
                    + "WAITLIST_CODE_EXPIRED; "
                    + "404 WAITLIST_ENTRY_NOT_FOUND.")
    EntryView confirm(@PathVariable UUID entryId, @RequestBody CodeBody body, HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, null);
        return view(joining.confirm(entryId, body.code()));
    }

    @GetMapping("/{entryId}")
    @Operation(summary = "An entry: its state, its position in the queue and the place offered to it now",
            description = "States: UNCONFIRMED, WAITING, OFFERED (offer given), ACCEPTED, LEFT, ENDED (an offer "
                    + "was not answered in time). 404 WAITLIST_ENTRY_NOT_FOUND.")
    EntryView entry(@PathVariable UUID entryId, HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, null);
        return view(status.entry(entryId));
    }

    @PostMapping("/{entryId}/leave")
    @Operation(summary = "Leave the waitlist; a place offered now goes to the next applicant",
            description = "200 with the entry, LEFT. 409 WAITLIST_ENTRY_CLOSED when it had already ended; 404 "
                    + "WAITLIST_ENTRY_NOT_FOUND.")
    EntryView leave(@PathVariable UUID entryId, HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, null);
        answers.leave(entryId);
        return view(status.entry(entryId));
    }

    @PostMapping("/offers/{offerId}/accept")
    @Operation(summary = "Take the place offered: it becomes a hold, booked as any hold (POST /api/v1/appointments)",
            description = "201 with the hold (the same hold when sent again); book it with the entry's document "
                    + "number. 410 WAITLIST_OFFER_EXPIRED after the offer's deadline; 409 WAITLIST_OFFER_OVER once "
                    + "the place went to someone else; 404 WAITLIST_OFFER_NOT_FOUND.")
    ResponseEntity<AcceptedView> accept(@PathVariable UUID offerId, HttpServletRequest http) {
        rateLimits.check(LimitedAction.HOLD, http, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(new AcceptedView(answers.accept(offerId)));
    }

    private EntryView view(Entry entry) {
        return view(status.withPosition(entry));
    }

    private EntryView view(WaitlistStatus.Seen seen) {
        Entry e = seen.entry();
        OfferView offer = seen.offer() == null ? null : new OfferView(seen.offer().id(), seen.offer().place().day(),
                seen.offer().place().start(), seen.offer().place().end(),
                seen.offer().deadline().atZone(clock.getZone()).toOffsetDateTime());
        return new EntryView(e.id(), e.state(), e.branchCode(), e.serviceCode(), e.firstDay(), e.lastDay(),
                e.part().name(), seen.position(), "UNCONFIRMED".equals(e.state())
                        ? e.codeExpiresAt().atZone(clock.getZone()).toOffsetDateTime() : null, offer);
    }
}
