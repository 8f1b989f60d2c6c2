package my.gov.temujanji.booking.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingOutcome;
import my.gov.temujanji.booking.confirmation.Confirmations;
import my.gov.temujanji.booking.internal.ChangeRequests.CancelRequest;
import my.gov.temujanji.booking.internal.ChangeRequests.RescheduleRequest;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Booking", description = "Holding a place and booking an appointment (temujanji)")
@RequiredArgsConstructor
class BookingApiController {

    private final Booking booking;
    private final Holds holds;
    private final Confirmations confirmations;
    private final ApplicantValidation validation;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final SlotInventory inventory;
    private final ChangeRequests changes;
    private final BookRequests bookRequests;

    record HoldRequest(String branch, String service, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start) {
    }

    record HoldView(UUID holdId, OffsetDateTime expiresAt) {
    }

    record AppointmentRequest(UUID holdId, String branch, String service, LocalDate date,
            @JsonFormat(pattern = "HH:mm") LocalTime start, ApplicantInput applicant) {
    }

    record AppointmentView(String reference, AppointmentStatus status, String branch, String service, LocalDate date,
            @JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.reference(), a.status(), a.branchCode(), a.serviceCode(), a.date(), a.start(),
                    a.end());
        }
    }

    @PostMapping("/holds")
    @Operation(summary = "Hold one place of a slot while the applicant fills in their details",
            description = "201 with the hold; 409 SLOT_FULL; 422 NOT_BOOKABLE; 404 for unknown codes; 400 "
                    + "CHALLENGE_REQUIRED or 403 CHALLENGE_INVALID without a fresh solved challenge in the Altcha header "
                    + "(GET /api/v1/challenge); 429 RATE_LIMITED with Retry-After. On a day released today behind a waiting room: 403 "
                    + "PASS_REQUIRED or PASS_INVALID without this client's valid pass, 409 PASS_USED once it was spent.")
    ResponseEntity<HoldView> hold(@RequestBody HoldRequest request,
            @Parameter(description = "Base64 ALTCHA solution of a challenge from GET /api/v1/challenge")
            @RequestHeader(name = "Altcha", required = false) String altcha,
            @Parameter(description = "On a day released today behind a waiting room: the pass of an admitted ticket "
                    + "(GET /api/v1/waiting-room/tickets/{id})")
            @RequestHeader(name = HoldGate.Pass.PASS_HEADER, required = false) String pass,
            @Parameter(description = "With the pass: the ticket's token from joining the waiting room")
            @RequestHeader(name = HoldGate.Pass.CLIENT_HEADER, required = false) String client, HttpServletRequest http) {
        rateLimits.check(LimitedAction.HOLD, http, null);
        challenges.verify(altcha);
        if (request.branch() == null || request.service() == null || request.date() == null || request.start() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        if (inventory.full(request.branch(), request.service(), request.date(), request.start())) {
            // As for a booking: most holds of a rush come after the last place went, and are told at once,
            // with one read and no transaction; only the hold's own conditional update grants a place.
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", request.date(), request.start());
        }
        Hold hold = holds.hold(request.branch(), request.service(), request.date(), request.start(), null,
                new HoldGate.Pass(pass, client));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new HoldView(hold.id(), hold.expiresAt().atZone(clock.getZone()).toOffsetDateTime()));
    }

    @PostMapping("/appointments")
    @Operation(summary = "Book an appointment from a hold or directly in a slot",
            description = "201 with the appointment, also when the same Idempotency-Key and body are sent again. Its "
                    + "status is PENDING when the transaction type asks for confirmation by e-mail (the default): a "
                    + "6-digit code is e-mailed, and the appointment holds its place only until the code is sent to "
                    + "POST /api/v1/appointments/{reference}/confirm within the hold time. 409 SLOT_FULL, ALREADY_BOOKED "
                    + "or TOO_MANY_APPOINTMENTS (upcoming active appointments per document or e-mail address); 422 INVALID_APPLICANT with field errors, NOT_BOOKABLE or "
                    + "IDEMPOTENCY_KEY_REUSED; 400 CHALLENGE_REQUIRED or 403 CHALLENGE_INVALID without a fresh solved "
                    + "challenge in the Altcha header (a retry of a booking already made needs none); 403 "
                    + "BOOKING_REFUSED when these details cannot book (it does not say which or why: the applicant "
                    + "contacts a branch); 429 RATE_LIMITED with Retry-After.")
    ResponseEntity<AppointmentView> book(
            @Parameter(description = "A key the client makes once per booking and sends again on a retry")
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "Base64 ALTCHA solution of a challenge from GET /api/v1/challenge")
            @RequestHeader(name = "Altcha", required = false) String altcha,
            @RequestBody AppointmentRequest request, HttpServletRequest http) {
        String requestId = BookRequests.requestId(idempotencyKey);
        Booking.PlaceRequest place = placeOf(request);
        ApplicantValidation.Result result = validation.validate(
                request.applicant() == null ? ApplicantInput.empty() : request.applicant());
        if (!result.valid()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_APPLICANT", bookRequests.applicantProblems(result));
        }
        bookRequests.admit(requestId, result.applicant().documentNumber(), altcha, http);
        BookingOutcome outcome = booking.book(place, result.applicant(), BookRequests.language(), requestId);
        if (!(outcome instanceof BookingOutcome.Made booked)) {
            throw problem((BookingOutcome.Refusal) outcome);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(booked.replayed()))
                .body(AppointmentView.of(booked.appointment()));
    }

    /** The API's problem for each refusal of a booking: the one place its codes are chosen. */
    static ApiProblem problem(BookingOutcome.Refusal refusal) {
        // Java 17 has no switch over types: the sealed interface's cases in turn, the last one by elimination.
        if (refusal instanceof BookingOutcome.SlotFull full) {
            return new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", full.date(), full.start());
        }
        if (refusal instanceof BookingOutcome.NotBookable no) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", no.date(), no.start());
        }
        if (refusal instanceof BookingOutcome.AlreadyBooked) {
            return new ApiProblem(HttpStatus.CONFLICT, "ALREADY_BOOKED");
        }
        if (refusal instanceof BookingOutcome.TooManyAppointments many) {
            return new ApiProblem(HttpStatus.CONFLICT, "TOO_MANY_APPOINTMENTS", many.limit(), many.byEmail() ? 1 : 0);
        }
        if (refusal instanceof BookingOutcome.Refused) {
            return new ApiProblem(HttpStatus.FORBIDDEN, "BOOKING_REFUSED");
        }
        return ((BookingOutcome.ChallengeFailed) refusal).problem();
    }

    @GetMapping("/appointments/{reference}")
    @Operation(summary = "An appointment, for whoever knows its reference and the document number it was booked with",
            description = "404 APPOINTMENT_NOT_FOUND for a wrong reference or a wrong document number alike.")
    AppointmentView appointment(@PathVariable String reference, @RequestParam String documentNumber,
            HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, documentNumber);
        return booking.find(reference, documentNumber).map(AppointmentView::of)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    record ConfirmRequest(String code) {
    }

    @PostMapping("/appointments/{reference}/confirm")
    @Operation(summary = "Confirm a PENDING appointment with the 6-digit code sent by e-mail",
            description = "200 with the CONFIRMED appointment; the confirmation e-mail with the slip is sent then. 422 "
                    + "CONFIRMATION_CODE_INVALID (not 6 digits) or CONFIRMATION_CODE_WRONG (tries left in the detail); "
                    + "409 CONFIRMATION_TRIES_USED after 5 wrong codes (ask for a new one), ALREADY_CONFIRMED (a code "
                    + "works once) or APPOINTMENT_NOT_ACTIVE; 410 CONFIRMATION_EXPIRED after the hold time; 404 "
                    + "APPOINTMENT_NOT_FOUND.")
    AppointmentView confirm(@PathVariable String reference, @RequestBody ConfirmRequest request,
            HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, null);
        return AppointmentView.of(AppointmentProblems.appointmentOf(confirmations.confirm(reference, request.code())));
    }

    @PostMapping("/appointments/{reference}/confirmation-code")
    @Operation(summary = "E-mail a new confirmation code for a PENDING appointment; the earlier code stops working",
            description = "202; 429 CONFIRMATION_RESEND_LIMIT after 3 codes; 410 CONFIRMATION_EXPIRED; 409 "
                    + "ALREADY_CONFIRMED or APPOINTMENT_NOT_ACTIVE; 404 APPOINTMENT_NOT_FOUND. The deadline does not move.")
    ResponseEntity<AppointmentView> resendCode(@PathVariable String reference, HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, null);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(AppointmentView.of(
                AppointmentProblems.appointmentOf(confirmations.resendCode(reference))));
    }

    @PostMapping("/appointments/{reference}/cancel")
    @Operation(summary = "Cancel an appointment: its place goes back to others",
            description = "404 APPOINTMENT_NOT_FOUND for a wrong reference or document number; 409 "
                    + "APPOINTMENT_NOT_ACTIVE when already cancelled; 409 APPOINTMENT_PASSED once its time has come.")
    AppointmentView cancel(@PathVariable String reference, @RequestBody CancelRequest request,
            HttpServletRequest http) {
        changes.admit(request, http);
        return AppointmentView.of(AppointmentProblems.appointmentOf(booking.cancel(reference, request.documentNumber())));
    }

    @PostMapping("/appointments/{reference}/reschedule")
    @Operation(summary = "Move an appointment to another slot of the same branch and transaction type",
            description = "The new place is taken before the old one is given back, in one transaction: 409 "
                    + "SLOT_FULL leaves the appointment as it was. 422 NOT_BOOKABLE or SAME_SLOT. 403 "
                    + "APPLICANT_BLOCKED while the document or the e-mail address is blocked (cancelling stays open). "
                    + "It takes a new place, so it passes a booking's gates: 400 CHALLENGE_REQUIRED or 403 "
                    + "CHALLENGE_INVALID without a fresh solved challenge in the Altcha header; 429 RATE_LIMITED "
                    + "with Retry-After under the look-up and the booking limits.")
    AppointmentView reschedule(@PathVariable String reference, @RequestBody RescheduleRequest request,
            @Parameter(description = "Base64 ALTCHA solution of a challenge from GET /api/v1/challenge")
            @RequestHeader(name = "Altcha", required = false) String altcha, HttpServletRequest http) {
        changes.admit(request, altcha, http);
        return AppointmentView.of(AppointmentProblems.appointmentOf(booking.reschedule(reference,
                request.documentNumber(), request.date(), request.start())));
    }

    private static Booking.PlaceRequest placeOf(AppointmentRequest request) {
        boolean slotGiven = request.branch() != null || request.service() != null || request.date() != null
                || request.start() != null;
        if (request.holdId() != null && !slotGiven) {
            return new Booking.FromHold(request.holdId());
        }
        if (request.holdId() == null && request.branch() != null && request.service() != null && request.date() != null
                && request.start() != null) {
            return new Booking.FromSlot(request.branch(), request.service(), request.date(), request.start());
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_PLACE");
    }
}
