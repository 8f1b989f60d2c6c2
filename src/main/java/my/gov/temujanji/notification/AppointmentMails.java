package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mail that reports a booking, cancellation or move into the outbox, inside the
 * transaction that made the change: the change and its e-mail are kept or lost together.
 */
@Component
class AppointmentMails {

    private final MailComposer composer;
    private final Outbox outbox;
    private final Clock clock;

    AppointmentMails(MailComposer composer, Outbox outbox, Clock clock) {
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentEvent event) {
        if (event instanceof AppointmentEvent.Rescheduled moved) {
            enqueue(MailKind.RESCHEDULED, moved.appointment(), moved.previousDate().atTime(moved.previousStart()));
        } else {
            enqueue(event instanceof AppointmentEvent.Booked ? MailKind.BOOKED : MailKind.CANCELLED,
                    event.appointment(), null);
        }
    }

    void enqueue(MailKind kind, Appointment appointment, LocalDateTime previous) {
        MailComposer.Composed mail = composer.compose(kind, appointment, previous);
        outbox.enqueue(kind, appointment.reference(), mail.recipient(), mail.language(), mail.subject(), mail.text(),
                mail.html(), clock.instant());
    }
}
