package my.gov.temujanji.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import my.gov.temujanji.platform.ApiProblem;

/**
 * What became of a cancel or a move asked for by whoever holds the reference and the document number:
 * pages and the JSON API act on these types, each in one place (the API's problem codes:
 * {@code BookingApiController}).
 */
public sealed interface ChangeOutcome {

    /** Cancelled, or moved to the new slot: the appointment as it is now. */
    record Changed(Appointment appointment) implements ChangeOutcome {
    }

    /** Nothing changed; the transaction rolled back whole. */
    sealed interface Refusal extends ChangeOutcome {
    }

    /** No appointment has this reference and document number. */
    record NotFound() implements Refusal {
    }

    /** Cancelled already, or no longer active. */
    record NotActive() implements Refusal {
    }

    /** Still waiting for its e-mailed code: it cannot be moved yet. */
    record NotConfirmed() implements Refusal {
    }

    /** Its time has come or passed. */
    record Passed() implements Refusal {
    }

    /** A move takes a new place, which a blocked applicant may not: {@code problem} says why and until when. */
    record Blocked(ApiProblem problem) implements Refusal {
    }

    /** The new slot has no place left; the appointment keeps its own. */
    record SlotFull(LocalDate date, LocalTime start) implements Refusal {
    }

    /** The new slot cannot be booked now. */
    record NotBookable(LocalDate date, LocalTime start) implements Refusal {
    }

    /** The new slot is the one it has. */
    record SameSlot() implements Refusal {
    }

    /** The refusals a change meets (its own, its status's, the block's, the new slot's), as outcomes; anything else goes on. */
    static Refusal refusalOf(ApiProblem problem) {
        Object[] arguments = problem.arguments();
        return switch (problem.code()) {
            case "APPOINTMENT_NOT_FOUND" -> new NotFound();
            case "APPOINTMENT_NOT_ACTIVE" -> new NotActive();
            case "APPOINTMENT_NOT_CONFIRMED" -> new NotConfirmed();
            case "APPOINTMENT_PASSED" -> new Passed();
            case "APPLICANT_BLOCKED" -> new Blocked(problem);
            case "SLOT_FULL" -> new SlotFull((LocalDate) arguments[0], (LocalTime) arguments[1]);
            case "NOT_BOOKABLE" -> new NotBookable((LocalDate) arguments[0], (LocalTime) arguments[1]);
            case "SAME_SLOT" -> new SameSlot();
            default -> throw problem;
        };
    }
}
