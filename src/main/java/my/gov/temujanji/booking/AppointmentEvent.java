package my.gov.temujanji.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What happened to an appointment, published inside the transaction that made it happen, so that a
 * listener can record its consequences (such as the e-mail that reports it) in the same transaction.
 */
public sealed interface AppointmentEvent {

    Appointment appointment();

    /** Booked, needing no code: the confirmation with the slip goes out. */
    record Booked(Appointment appointment) implements AppointmentEvent {
    }

    /**
     * A group booking confirmed, needing no code or with the applicant's code: one e-mail to the
     * applicant with every person's slip. {@link #appointment()} is the applicant's.
     */
    record GroupConfirmed(BookingGroup group) implements AppointmentEvent {

        @Override
        public Appointment appointment() {
            return group.applicant();
        }
    }

    /** A PENDING booking confirmed with its code: the confirmation with the slip goes out. */
    record Confirmed(Appointment appointment) implements AppointmentEvent {
    }

    /**
     * Booked, waiting for the applicant to enter {@code code}, which the e-mail carries; published
     * again with a new code ({@code resent}) when the applicant asks for one. Any earlier code is dead.
     */
    record ConfirmationRequested(Appointment appointment, String code, Instant deadline, boolean resent)
            implements AppointmentEvent {
    }

    /** Not confirmed in time: its place is given back; its code is dead. */
    record Expired(Appointment appointment) implements AppointmentEvent {
    }

    /**
     * {@code toldWithGroup}: one of a group cancelled with the whole group, whose one e-mail to the
     * applicant (for the applicant's own appointment) tells of it; no e-mail of its own.
     */
    record Cancelled(Appointment appointment, boolean toldWithGroup) implements AppointmentEvent {

        public Cancelled(Appointment appointment) {
            this(appointment, false);
        }
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

    /**
     * Someone tried to book again with the document of this active appointment, for its transaction
     * type, and was refused: its owner, not whoever tried, is told where and when it is.
     */
    record RebookingRefused(Appointment appointment) implements AppointmentEvent {
    }

    /** {@code toldWithGroup}: as for {@link Cancelled}, one of a group moved with the whole group. */
    record Rescheduled(Appointment appointment, LocalDate previousDate, LocalTime previousStart, boolean toldWithGroup)
            implements AppointmentEvent {

        public Rescheduled(Appointment appointment, LocalDate previousDate, LocalTime previousStart) {
            this(appointment, previousDate, previousStart, false);
        }
    }
}
