package my.gov.temujanji.booking;

import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The life of an appointment. A CONFIRMED appointment holds its place; a CHECKED_IN one has used it.
 * CANCELLED, LATE and NO_SHOW gave theirs back.
 */
public enum AppointmentStatus {
    CONFIRMED,
    CANCELLED,
    /** Daftar masuk: the applicant came to the counter in time. */
    CHECKED_IN,
    /** Lewat: came after the check-in window closed; cancelled by the counter, the place given back. */
    LATE,
    /** Tidak hadir: still confirmed when the day ended. */
    NO_SHOW;

    /** The status after cancelling; only a confirmed appointment can be cancelled. */
    AppointmentStatus cancel() {
        return from(CONFIRMED, CANCELLED);
    }

    /** Moving keeps an appointment confirmed; no other can be moved. */
    AppointmentStatus reschedule() {
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
