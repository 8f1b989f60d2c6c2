package my.gov.temujanji.booking;

import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The life of an appointment. PENDING (booked, waiting for the code sent by e-mail) and CONFIRMED
 * hold their place and are active; an unconfirmed appointment becomes EXPIRED when its time to
 * confirm runs out, and gives its place back. A CHECKED_IN appointment has used its place; CANCELLED,
 * LATE and NO_SHOW gave theirs back.
 */
public enum AppointmentStatus {
    PENDING,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    /** Daftar masuk: the applicant came to the counter in time. */
    CHECKED_IN,
    /** Lewat: came after the check-in window closed; cancelled by the counter, the place given back. */
    LATE,
    /** Tidak hadir: still confirmed when the day ended. */
    NO_SHOW;

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
        if (this == PENDING) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_CONFIRMED");
        }
        return from(CONFIRMED, CONFIRMED);
    }

    /** Only a confirmed appointment can be checked in (409 {@code APPOINTMENT_NOT_ACTIVE} otherwise). */
    public AppointmentStatus checkIn() {
        return from(CONFIRMED, CHECKED_IN);
    }

    /** Only a confirmed appointment can be marked late. */
    public AppointmentStatus markLate() {
        return from(CONFIRMED, LATE);
    }

    private AppointmentStatus from(AppointmentStatus required, AppointmentStatus next) {
        if (this != required) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        }
        return next;
    }
}
