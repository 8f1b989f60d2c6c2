package my.gov.temujanji.booking.internal;

import java.util.Map;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.BookingGroup;
import my.gov.temujanji.booking.ChangeOutcome;
import my.gov.temujanji.booking.GroupChangeOutcome;
import my.gov.temujanji.booking.confirmation.CodeOutcome;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The JSON API's answers to a change of an appointment and to its confirmation code: the appointment,
 * or the problem of each refusal, the one place their codes are chosen (a booking's are in
 * {@link BookingApiController#problem}).
 */
final class AppointmentProblems {

    /** A problem without arguments: its status and code. */
    private record Plain(HttpStatus status, String code) {

        ApiProblem problem() {
            return new ApiProblem(status, code);
        }
    }

    private static final Map<Class<? extends ChangeOutcome.Refusal>, Plain> CHANGE = Map.of(
            ChangeOutcome.NotFound.class, new Plain(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"),
            ChangeOutcome.NotActive.class, new Plain(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE"),
            ChangeOutcome.NotConfirmed.class, new Plain(HttpStatus.CONFLICT, "APPOINTMENT_NOT_CONFIRMED"),
            ChangeOutcome.Passed.class, new Plain(HttpStatus.CONFLICT, "APPOINTMENT_PASSED"),
            ChangeOutcome.SameSlot.class, new Plain(HttpStatus.UNPROCESSABLE_CONTENT, "SAME_SLOT"));

    private static final Map<Class<? extends CodeOutcome.Refusal>, Plain> CODE = Map.of(
            CodeOutcome.CodeInvalid.class, new Plain(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_INVALID"),
            CodeOutcome.TriesUsed.class, new Plain(HttpStatus.CONFLICT, "CONFIRMATION_TRIES_USED"),
            CodeOutcome.ResendLimit.class, new Plain(HttpStatus.TOO_MANY_REQUESTS, "CONFIRMATION_RESEND_LIMIT"),
            CodeOutcome.Expired.class, new Plain(HttpStatus.GONE, "CONFIRMATION_EXPIRED"),
            CodeOutcome.AlreadyConfirmed.class, new Plain(HttpStatus.CONFLICT, "ALREADY_CONFIRMED"),
            CodeOutcome.NotActive.class, new Plain(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE"),
            CodeOutcome.NotFound.class, new Plain(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));

    private AppointmentProblems() {
    }

    static Appointment appointmentOf(ChangeOutcome outcome) {
        if (outcome instanceof ChangeOutcome.Refusal refusal) {
            throw problem(refusal);
        }
        return ((ChangeOutcome.Changed) outcome).appointment();
    }

    /** The group changed, or the problem of its refusal: 404 {@code GROUP_NOT_FOUND}, else a change's. */
    static BookingGroup groupOf(GroupChangeOutcome outcome) {
        if (outcome instanceof GroupChangeOutcome.Refused refused) {
            throw problem(refused.refusal());
        }
        if (outcome instanceof GroupChangeOutcome.NotFound) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "GROUP_NOT_FOUND");
        }
        return ((GroupChangeOutcome.Changed) outcome).group();
    }

    static Appointment appointmentOf(CodeOutcome outcome) {
        if (outcome instanceof CodeOutcome.Refusal refusal) {
            throw problem(refusal);
        }
        return ((CodeOutcome.Done) outcome).appointment();
    }

    static ApiProblem problem(ChangeOutcome.Refusal refusal) {
        if (refusal instanceof ChangeOutcome.Blocked blocked) {
            return blocked.problem();
        }
        if (refusal instanceof ChangeOutcome.SlotFull full) {
            return new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", full.date(), full.start());
        }
        if (refusal instanceof ChangeOutcome.NotBookable no) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", no.date(), no.start());
        }
        return CHANGE.get(refusal.getClass()).problem();
    }

    static ApiProblem problem(CodeOutcome.Refusal refusal) {
        if (refusal instanceof CodeOutcome.CodeWrong wrong) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_WRONG", wrong.triesLeft());
        }
        return CODE.get(refusal.getClass()).problem();
    }
}
