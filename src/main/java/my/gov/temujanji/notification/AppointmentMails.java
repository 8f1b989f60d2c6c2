package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.queue.QueueNumberIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the e-mail that reports a booking, cancellation, move or late arrival in the outbox, inside the
 * transaction that made the change: the change and its e-mail are kept or lost together. Only the
 * fact is written here; the worker writes the e-mail itself, outside the booking's transaction.
 */
@Component
@RequiredArgsConstructor
class AppointmentMails {

    private final Outbox outbox;
    private final Clock clock;

    @EventListener
    void on(AppointmentEvent event) {
        // Java 17: no pattern matching in switch yet.
        String reference = event.appointment().reference();
        if (event instanceof AppointmentEvent.Cancelled cancelled && cancelled.toldWithGroup()
                || event instanceof AppointmentEvent.Rescheduled moved && moved.toldWithGroup()) {
            return; // the group's one e-mail, for the applicant's appointment, tells of this person too
        }
        if (event instanceof AppointmentEvent.ConfirmationRequested requested) {
            if (requested.resent()) {
                outbox.eraseSecrets(reference); // the earlier code is dead
            }
            enqueue(MailKind.CONFIRMATION_CODE, event.appointment(), null, requested.code());
        } else if (event instanceof AppointmentEvent.Rescheduled moved) {
            enqueue(MailKind.RESCHEDULED, moved.appointment(), moved.previousDate().atTime(moved.previousStart()), null);
        } else if (event instanceof AppointmentEvent.Booked) {
            enqueue(MailKind.BOOKED, event.appointment(), null, null);
        } else if (event instanceof AppointmentEvent.MarkedLate) {
            enqueue(MailKind.LATE, event.appointment(), null, null);
        } else if (event instanceof AppointmentEvent.RebookingRefused) {
            // Only to an address its owner has confirmed (a PENDING one still has its code e-mail coming),
            // and one a day at most: repeated tries must not flood the owner's inbox.
            if (event.appointment().confirmed() && !outbox.queuedSince(MailKind.ALREADY_BOOKED, reference, clock.instant().minus(Duration.ofDays(1)))) {
                enqueue(MailKind.ALREADY_BOOKED, event.appointment(), null, null);
            }
        } else {
            outbox.eraseSecrets(reference); // the code is used (confirmed) or dead (expired, cancelled)
            if (event instanceof AppointmentEvent.Confirmed || event instanceof AppointmentEvent.GroupConfirmed) {
                enqueue(MailKind.BOOKED, event.appointment(), null, null);
            } else if (event instanceof AppointmentEvent.CancelledByBranch) {
                enqueue(MailKind.CANCELLED_BY_BRANCH, event.appointment(), null, null);
            } else if (event instanceof AppointmentEvent.Cancelled) {
                enqueue(MailKind.CANCELLED, event.appointment(), null, null);
            }
        }
    }

    @EventListener
    void on(QueueNumberIssued issued) {
        enqueue(MailKind.QUEUE_NUMBER, issued.appointment(), null);
    }

    void enqueue(MailKind kind, Appointment appointment, LocalDateTime previous) {
        enqueue(kind, appointment, previous, null);
    }

    private void enqueue(MailKind kind, Appointment appointment, LocalDateTime previous, String secret) {
        outbox.enqueue(kind, appointment.reference(), appointment.applicant().email(), appointment.language(), previous,
                secret, clock.instant());
    }
}
