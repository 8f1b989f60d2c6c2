package my.gov.temujanji.slip;

import java.time.LocalDate;
import java.time.LocalTime;
import my.gov.temujanji.booking.AppointmentStatus;

/**
 * What checking a slip's token found. A genuine slip carries the appointment's current status (a slip
 * stays genuine after its appointment is cancelled, and says so) and the fields the token was signed
 * with; a replaced one (signed by us, but its appointment has moved since) only its reference; a forged
 * one nothing.
 */
public record Verification(Status status, AppointmentStatus appointmentStatus, String reference, String branchCode,
        LocalDate date, LocalTime start, String maskedDocumentNumber) {

    public enum Status {
        GENUINE,
        REPLACED,
        FORGED
    }

    static final Verification FORGED = new Verification(Status.FORGED, null, null, null, null, null, null);

    static Verification replaced(String reference) {
        return new Verification(Status.REPLACED, null, reference, null, null, null, null);
    }

    public boolean genuine() {
        return status == Status.GENUINE;
    }

    /** Whether this is an older slip of an appointment that has moved to another day or time. */
    public boolean replaced() {
        return status == Status.REPLACED;
    }

    /** Whether the appointment no longer gives service: cancelled, or cancelled for arriving late, or missed. */
    public boolean cancelled() {
        return appointmentStatus == AppointmentStatus.CANCELLED || appointmentStatus == AppointmentStatus.LATE
                || appointmentStatus == AppointmentStatus.NO_SHOW;
    }

    /** Whether the slip was already used: the applicant has been checked in. */
    public boolean used() {
        return appointmentStatus == AppointmentStatus.CHECKED_IN;
    }
}
