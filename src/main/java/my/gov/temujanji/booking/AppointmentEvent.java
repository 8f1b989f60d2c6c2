package my.gov.temujanji.booking;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What happened to an appointment, published inside the transaction that made it happen, so that a
 * listener can record its consequences (such as the e-mail that reports it) in the same transaction.
 */
public sealed interface AppointmentEvent {

    Appointment appointment();

    record Booked(Appointment appointment) implements AppointmentEvent {
    }

    record Cancelled(Appointment appointment) implements AppointmentEvent {
    }

    /** Cancelled by the counter: the applicant came after the check-in window closed. */
    record MarkedLate(Appointment appointment) implements AppointmentEvent {
    }

    /**
     * Cancelled by the branch, not the applicant: a change of its schedule (a closure, fewer places,
     * other hours) took the place away. The applicant is told so and asked to choose another slot.
     */
    record CancelledByBranch(Appointment appointment) implements AppointmentEvent {
    }

    record Rescheduled(Appointment appointment, LocalDate previousDate, LocalTime previousStart)
            implements AppointmentEvent {
    }
}
