package my.gov.temujanji.booking;

import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The life of an appointment. PENDING (booked, waiting for the code sent by e-mail) and CONFIRMED
 * hold their place and are active; an unconfirmed appointment becomes EXPIRED when its time to
 * confirm runs out, and gives its place back.
 */
public enum AppointmentStatus {
    PENDING,
    CONFIRMED,
    CANCELLED,
    EXPIRED;

    /** Holds its place and counts towards the limits per document and e-mail address. */
    public boolean active() {
        return this == PENDING || this == CONFIRMED;
    }

    /** The status after cancelling; an appointment waiting for its code can be cancelled too. */
    AppointmentStatus cancel() {
        if (!active()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        }
        return CANCELLED;
    }

    /** Moving keeps an appointment confirmed; one not yet confirmed, or no longer active, cannot be moved. */
    AppointmentStatus reschedule() {
        return switch (this) {
            case CONFIRMED -> CONFIRMED;
            case PENDING -> throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_CONFIRMED");
            case CANCELLED, EXPIRED -> throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        };
    }
}
