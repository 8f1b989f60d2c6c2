package my.gov.temujanji.booking;

import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** The life of an appointment. Only a CONFIRMED appointment holds its place. */
public enum AppointmentStatus {
    CONFIRMED,
    CANCELLED;

    /** The status after cancelling; only a confirmed appointment can be cancelled. */
    AppointmentStatus cancel() {
        return switch (this) {
            case CONFIRMED -> CANCELLED;
            case CANCELLED -> throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        };
    }

    /** Moving keeps an appointment confirmed; a cancelled one cannot be moved. */
    AppointmentStatus reschedule() {
        return switch (this) {
            case CONFIRMED -> CONFIRMED;
            case CANCELLED -> throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
        };
    }
}
