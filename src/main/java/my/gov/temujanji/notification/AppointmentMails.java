package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the e-mail that reports a booking, cancellation, move or late arrival in the outbox, inside the
 * transaction that made the change: the change and its e-mail are kept or lost together. Only the
 * fact is written here; the worker writes the e-mail itself, outside the booking's transaction.
 */
@Component
class AppointmentMails {

    private final Outbox outbox;
    private final Clock clock;

    AppointmentMails(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentEvent event) {
        // Java 17: no pattern matching in switch yet.
        if (event instanceof AppointmentEvent.Rescheduled moved) {
            enqueue(MailKind.RESCHEDULED, moved.appointment(), moved.previousDate().atTime(moved.previousStart()));
        } else if (event instanceof AppointmentEvent.MarkedLate) {
            enqueue(MailKind.LATE, event.appointment(), null);
        } else {
            MailKind kind = event instanceof AppointmentEvent.Booked ? MailKind.BOOKED
                    : event instanceof AppointmentEvent.CancelledByBranch ? MailKind.CANCELLED_BY_BRANCH
                    : MailKind.CANCELLED;
            enqueue(kind, event.appointment(), null);
        }
    }

    void enqueue(MailKind kind, Appointment appointment, LocalDateTime previous) {
        outbox.enqueue(kind, appointment.reference(), appointment.applicant().email(), appointment.language(), previous,
                clock.instant());
    }
}
