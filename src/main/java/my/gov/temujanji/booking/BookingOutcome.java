package my.gov.temujanji.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import my.gov.temujanji.platform.ApiProblem;

/**
 * What became of a booking request: pages and the JSON API act on these types, each in one place (the
 * API's problem codes: {@code BookingApiController}).
 */
public sealed interface BookingOutcome {

    /** An appointment was made, or found made by the same request key ({@code replayed}). */
    sealed interface Made extends BookingOutcome {

        Appointment appointment();

        boolean replayed();
    }

    /** CONFIRMED: the confirmation with the slip is on its way. */
    record Booked(Appointment appointment, boolean replayed) implements Made {
    }

    /** PENDING: it holds its place until the code e-mailed to the applicant is entered. */
    record PendingConfirmation(Appointment appointment, boolean replayed) implements Made {
    }

    /** Nothing was booked; the transaction rolled back whole. */
    sealed interface Refusal extends BookingOutcome {
    }

    /** No place left in the slot (or the branch took the hold's place back). */
    record SlotFull(LocalDate date, LocalTime start) implements Refusal {
    }

    /** The slot cannot be booked now: begun, outside the window, or no longer in the schedule. */
    record NotBookable(LocalDate date, LocalTime start) implements Refusal {
    }

    /**
     * The document already has an active appointment of this transaction type. Nothing of it is told
     * to whoever asked, who may not own it: its owner is e-mailed ({@link AppointmentEvent.RebookingRefused}).
     */
    record AlreadyBooked() implements Refusal {
    }

    /** As many upcoming active appointments as allowed, per document or (when {@code byEmail}) per address. */
    record TooManyAppointments(int limit, boolean byEmail) implements Refusal {
    }

    /** The document or the address is blocked; the answer says nothing of which, why or until when. */
    record Refused() implements Refusal {
    }

    /** The pages' proof of work was missing, wrong or too early: {@code problem} says which. */
    record ChallengeFailed(ApiProblem problem) implements Refusal {
    }
}
