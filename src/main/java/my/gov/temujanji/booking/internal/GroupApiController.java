package my.gov.temujanji.booking.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.applicant.GroupMember;
import my.gov.temujanji.applicant.GroupMemberValidation;
import my.gov.temujanji.applicant.MemberInput;
import my.gov.temujanji.applicant.Relationship;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingGroup;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.GroupOutcome;
import my.gov.temujanji.booking.internal.ChangeRequests.CancelRequest;
import my.gov.temujanji.booking.internal.ChangeRequests.RescheduleRequest;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
@Tag(name = "Group booking", description = "Booking for the applicant and up to five more people, all or none")
@RequiredArgsConstructor
class GroupApiController {

    private final GroupBooking groups;
    private final ApplicantValidation applicants;
    private final GroupMemberValidation members;
    private final MessageSource messages;
    private final RateLimits rateLimits;
    private final ChangeRequests changes;
    private final BookRequests bookRequests;

    record GroupRequest(String branch, String service, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start,
            ApplicantInput applicant, List<MemberInput> members) {
    }

    record MemberView(int position, String reference, AppointmentStatus status, String fullName,
            Relationship relationship, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start,
            @JsonFormat(pattern = "HH:mm") LocalTime end) {
    }

    /** {@code reference} is the applicant's, which the group is looked up, confirmed and managed by. */
    record GroupView(String reference, String branch, String service, List<MemberView> members) {

        static GroupView of(BookingGroup group) {
            return new GroupView(group.applicant().reference(), group.applicant().branchCode(),
                    group.applicant().serviceCode(), group.members().stream()
                            .map(m -> new MemberView(m.position(), m.appointment().reference(), m.appointment().status(),
                                    m.appointment().applicant().fullName(), m.relationship(), m.appointment().date(),
                                    m.appointment().start(), m.appointment().end()))
                            .toList());
        }
    }

    @PostMapping("/groups")
    @Operation(summary = "Book the applicant and the people they add (members), each with their own appointment",
            description = "All or none, in one transaction: every person in the slot given where it has room, "
                    + "otherwise in it and the slots right after it (no gap), earlier slots filled first; the times are "
                    + "in the answer. 201 with the group, also when the same Idempotency-Key and body are sent again. "
                    + "Each person has their own reference and slip; the applicant gets one code (PENDING until it is "
                    + "sent to POST /api/v1/appointments/{applicant's reference}/confirm, which confirms everyone) and "
                    + "one e-mail. 422 INVALID_GROUP with field errors (applicant.* and members[i].*), GROUP_TOO_LARGE "
                    + "(the most people that may be added for this type in the detail; some types allow none), "
                    + "NOT_BOOKABLE or IDEMPOTENCY_KEY_REUSED; 409 MEMBERS_REFUSED with one error per person who "
                    + "cannot book (field \"applicant\" or \"members[i]\", code BLOCKED, ALREADY_BOOKED, "
                    + "TOO_MANY_APPOINTMENTS or SAME_DOCUMENT), 409 SLOT_FULL when the group does not fit from that "
                    + "slot, 409 TOO_MANY_APPOINTMENTS for the e-mail address (a group counts as one booking); the "
                    + "challenge and rate-limit answers of POST /api/v1/appointments.")
    ResponseEntity<GroupView> book(
            @Parameter(description = "A key the client makes once per booking and sends again on a retry")
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "Base64 ALTCHA solution of a challenge from GET /api/v1/challenge")
            @RequestHeader(name = "Altcha", required = false) String altcha,
            @RequestBody GroupRequest request, HttpServletRequest http) {
        String requestId = BookRequests.requestId(idempotencyKey);
        if (request.branch() == null || request.service() == null || request.date() == null || request.start() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_PLACE");
        }
        List<MemberInput> others = request.members() == null ? List.of() : request.members();
        int max = groups.maxOthers(request.service());
        if (others.size() > max) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "GROUP_TOO_LARGE", max);
        }
        Applicant applicant = validated(request.applicant(), others);
        List<GroupMember> checked = others.stream().map(m -> members.validate(m, applicant).member()).toList();
        bookRequests.admit(requestId, applicant.documentNumber(), altcha, http);
        GroupOutcome outcome = groups.book(new Booking.FromSlot(request.branch(), request.service(), request.date(),
                request.start()), request.service(), applicant, checked, BookRequests.language(), requestId, () -> {
                });
        if (outcome instanceof GroupOutcome.Made made) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Idempotent-Replayed", String.valueOf(made.replayed()))
                    .body(GroupView.of(made.group()));
        }
        if (outcome instanceof GroupOutcome.MembersRefused refused) {
            Locale locale = LocaleContextHolder.getLocale();
            throw new ApiProblem(HttpStatus.CONFLICT, "MEMBERS_REFUSED", refused.members().stream()
                    .map(m -> new ApiProblem.FieldProblem(field(m.position()), m.reason().name(),
                            messages.getMessage("member.refused." + m.reason(), null, locale)))
                    .toList());
        }
        throw BookingApiController.problem(((GroupOutcome.Refused) outcome).refusal());
    }

    /** The applicant, once they and every person added are valid: else 422 INVALID_GROUP naming each field. */
    private Applicant validated(ApplicantInput input, List<MemberInput> others) {
        Locale locale = LocaleContextHolder.getLocale();
        ApplicantValidation.Result result = applicants.validate(input == null ? ApplicantInput.empty() : input);
        List<ApiProblem.FieldProblem> problems = new ArrayList<>(bookRequests.applicantProblems(result));
        for (int i = 0; i < others.size(); i++) {
            MemberInput member = others.get(i) == null ? MemberInput.empty() : others.get(i);
            String prefix = field(i + 1) + ".";
            members.validate(member, result.applicant()).errors().forEach(e -> problems.add(
                    new ApiProblem.FieldProblem(prefix + e.field(), e.code(),
                            messages.getMessage(e.messageKey(), null, locale))));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_GROUP", problems);
        }
        return result.applicant();
    }

    /** A person's name in the API's errors: the applicant, or {@code members[i]} as in the request (position i + 1). */
    private static String field(int position) {
        return position == 0 ? "applicant" : "members[" + (position - 1) + "]";
    }

    @GetMapping("/groups/{reference}")
    @Operation(summary = "The group of an appointment, for whoever knows that person's reference and document number",
            description = "404 GROUP_NOT_FOUND for a wrong pair, or an appointment booked alone.")
    GroupView group(@PathVariable String reference, @RequestParam String documentNumber, HttpServletRequest http) {
        rateLimits.check(LimitedAction.LOOKUP, http, documentNumber);
        return groups.find(reference, documentNumber).map(GroupView::of)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "GROUP_NOT_FOUND"));
    }

    @PostMapping("/groups/{reference}/cancel")
    @Operation(summary = "Cancel everyone of a group who still holds a place: their places go back to others",
            description = "With the applicant's reference and document number (one person alone is cancelled with "
                    + "POST /api/v1/appointments/{their reference}/cancel, the others keep theirs). One e-mail to the "
                    + "applicant. 404 GROUP_NOT_FOUND; 409 APPOINTMENT_NOT_ACTIVE when nobody holds a place; 409 "
                    + "APPOINTMENT_PASSED once its time has come.")
    GroupView cancel(@PathVariable String reference, @RequestBody CancelRequest request, HttpServletRequest http) {
        changes.admit(request, http);
        return GroupView.of(AppointmentProblems.groupOf(groups.cancel(reference, request.documentNumber())));
    }

    @PostMapping("/groups/{reference}/reschedule")
    @Operation(summary = "Move everyone of a group who still holds a place to another slot, all or none",
            description = "With the applicant's reference and document number. The new places are taken as a group "
                    + "is booked (the slot, else it and the slots right after it) before the old ones are given back, in "
                    + "one transaction: 409 SLOT_FULL leaves everyone where they were. 422 NOT_BOOKABLE or SAME_SLOT; "
                    + "403 APPLICANT_BLOCKED when anyone's document or the applicant's address is blocked; 404 "
                    + "GROUP_NOT_FOUND; the challenge and rate limits of POST /api/v1/appointments/{reference}/reschedule.")
    GroupView reschedule(@PathVariable String reference, @RequestBody RescheduleRequest request,
            @Parameter(description = "Base64 ALTCHA solution of a challenge from GET /api/v1/challenge")
            @RequestHeader(name = "Altcha", required = false) String altcha, HttpServletRequest http) {
        changes.admit(request, altcha, http);
        return GroupView.of(AppointmentProblems.groupOf(groups.reschedule(reference, request.documentNumber(),
                request.date(), request.start())));
    }
}
