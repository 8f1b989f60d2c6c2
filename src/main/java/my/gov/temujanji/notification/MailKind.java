package my.gov.temujanji.notification;

import java.time.LocalDateTime;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;

/** The e-mails an applicant receives; each has its subject and opening words in the mail bundle. */
enum MailKind {
    /** The code that confirms a booking (and its link): the booking counts only once it is entered. */
    CONFIRMATION_CODE(false),
    BOOKED(true),
    CANCELLED(false),
    /** Cancelled by the branch (closure, fewer places, other hours), with a link to choose a new slot. */
    CANCELLED_BY_BRANCH(false),
    RESCHEDULED(true),
    REMINDER(true),
    /** Cancelled by the counter for arriving after the check-in window: cites the rule of the slip. */
    LATE(false),
    /**
     * A booking with this appointment's document was refused as a second one of its type: its owner is
     * reminded of it (whoever tried is told nothing of it).
     */
    ALREADY_BOOKED(false),
    /** The code that confirms the address of a waitlist entry. */
    WAITLIST_CODE(false),
    /** A place given back is held for a waitlist entry until a deadline, with the link to take it. */
    WAITLIST_OFFER(false),
    /** The code that confirms a ticket of the fair opening's waiting room (no appointment yet). */
    TICKET_CODE(false),
    /** The queue number given at check-in, with the link to its ticket page (position, estimated wait). */
    QUEUE_NUMBER(false);

    final boolean withSlip;

    MailKind(boolean withSlip) {
        this.withSlip = withSlip;
    }

    /** Whether a message of this kind is about a waitlist entry or offer rather than an appointment. */
    boolean waitlist() {
        return this == WAITLIST_CODE || this == WAITLIST_OFFER;
    }

    /**
     * Why a message of this kind, written earlier, would now mislead the applicant about their
     * appointment as it is at {@code now} (branch time), or null when it is still to be sent. A code is
     * for an appointment waiting for it, a booking or move for an appointment that still holds its place,
     * a reminder for a confirmed appointment of today or tomorrow (a moved one gets its own reminder the
     * day before its new day), an already-booked notice for an appointment still on; a cancellation or LATE notice always goes out.
     */
    String staleReason(Appointment appointment, String secret, LocalDateTime now) {
        return switch (this) {
            case CONFIRMATION_CODE -> appointment.status() != AppointmentStatus.PENDING
                    ? "appointment " + appointment.status()
                    : secret == null ? "code replaced by a newer one" : null;
            case BOOKED, RESCHEDULED -> appointment.active() ? null : "appointment " + appointment.status();
            case REMINDER -> !appointment.confirmed() ? "appointment " + appointment.status()
                    : !appointment.date().atTime(appointment.start()).isAfter(now) ? "appointment time passed"
                    : appointment.date().isAfter(now.toLocalDate().plusDays(1)) ? "moved to " + appointment.date()
                    : null;
            // A reminder of an appointment that no longer holds its place would point at nothing.
            case ALREADY_BOOKED -> appointment.active() ? null : "appointment " + appointment.status();
            case CANCELLED, CANCELLED_BY_BRANCH, LATE -> null;
            // A number is of its day only; one sent after that day would send the applicant to a closed page.
            case QUEUE_NUMBER -> appointment.status() != AppointmentStatus.CHECKED_IN
                    ? "appointment " + appointment.status()
                    : !appointment.date().equals(now.toLocalDate()) ? "queue day passed" : null;
            case WAITLIST_CODE, WAITLIST_OFFER -> throw new IllegalArgumentException(this + " is about no appointment");
            case TICKET_CODE -> secret == null ? "code replaced by a newer one" : null;
        };
    }
}
