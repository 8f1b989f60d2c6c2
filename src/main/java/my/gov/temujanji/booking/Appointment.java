package my.gov.temujanji.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import my.gov.temujanji.applicant.Applicant;

/**
 * An appointment (temujanji) as the applicant and the counter see it. {@code language} ("ms" or "en")
 * is the one the applicant booked in: what is sent to them later is written in it.
 */
public record Appointment(String reference, AppointmentStatus status, String branchCode, String serviceCode,
        LocalDate date, LocalTime start, LocalTime end, Applicant applicant, Instant createdAt, String language) {

    /** Holds its place: confirmed, or waiting for its e-mailed code. */
    public boolean active() {
        return status.active();
    }

    public boolean confirmed() {
        return status == AppointmentStatus.CONFIRMED;
    }

    /** The same appointment with another status. */
    Appointment withStatus(AppointmentStatus next) {
        return new Appointment(reference, next, branchCode, serviceCode, date, start, end, applicant, createdAt, language);
    }

    /** Cancelled by the applicant, by the counter for arriving late, or never confirmed: the place was given back. */
    public boolean cancelled() {
        return status == AppointmentStatus.CANCELLED || status == AppointmentStatus.LATE
                || status == AppointmentStatus.EXPIRED;
    }
}
