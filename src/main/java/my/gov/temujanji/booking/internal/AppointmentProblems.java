package my.gov.temujanji.booking.internal;

import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.ChangeOutcome;
import my.gov.temujanji.booking.confirmation.CodeOutcome;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The JSON API's answers to a change of an appointment and to its confirmation code: the appointment,
 * or the problem of each refusal, the one place their codes are chosen (a booking's are in
 * {@link BookingApiController#problem}).
 */
final class AppointmentProblems {

    private AppointmentProblems() {
    }

    static Appointment appointmentOf(ChangeOutcome outcome) {
        if (outcome instanceof ChangeOutcome.Refusal refusal) {
            throw problem(refusal);
        }
        return ((ChangeOutcome.Changed) outcome).appointment();
    }

    static Appointment appointmentOf(CodeOutcome outcome) {
        if (outcome instanceof CodeOutcome.Refusal refusal) {
            throw problem(refusal);
        }
        return ((CodeOutcome.Done) outcome).appointment();
    }

    static ApiProblem problem(ChangeOutcome.Refusal refusal) {
        // Java 17 has no switch over types: the sealed interface's cases in turn, the last one by elimination.
        if (refusal instanceof ChangeOutcome.NotFound) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND");
        }
        if (refusal instanceof ChangeOutcome.NotActive) {
            return new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        }
        if (refusal instanceof ChangeOutcome.NotConfirmed) {
            return new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_CONFIRMED");
        }
        if (refusal instanceof ChangeOutcome.Passed) {
            return new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_PASSED");
        }
        if (refusal instanceof ChangeOutcome.Blocked blocked) {
            return blocked.problem();
        }
        if (refusal instanceof ChangeOutcome.SlotFull full) {
            return new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", full.date(), full.start());
        }
        if (refusal instanceof ChangeOutcome.NotBookable no) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", no.date(), no.start());
        }
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "SAME_SLOT");
    }

    static ApiProblem problem(CodeOutcome.Refusal refusal) {
        if (refusal instanceof CodeOutcome.CodeInvalid) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_INVALID");
        }
        if (refusal instanceof CodeOutcome.CodeWrong wrong) {
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_WRONG", wrong.triesLeft());
        }
        if (refusal instanceof CodeOutcome.TriesUsed) {
            return new ApiProblem(HttpStatus.CONFLICT, "CONFIRMATION_TRIES_USED");
        }
        if (refusal instanceof CodeOutcome.ResendLimit) {
            return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "CONFIRMATION_RESEND_LIMIT");
        }
        if (refusal instanceof CodeOutcome.Expired) {
            return new ApiProblem(HttpStatus.GONE, "CONFIRMATION_EXPIRED");
        }
        if (refusal instanceof CodeOutcome.AlreadyConfirmed) {
            return new ApiProblem(HttpStatus.CONFLICT, "ALREADY_CONFIRMED");
        }
        if (refusal instanceof CodeOutcome.NotActive) {
            return new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        }
        return new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND");
    }
}
