package my.gov.temujanji.counter;

import java.time.Instant;
import my.gov.temujanji.booking.Appointment;

/**
 * The counter checked an applicant in. Published inside the check-in's transaction, so what a listener
 * records (the queue number) commits with the check-in or not at all.
 */
public record AppointmentCheckedIn(Appointment appointment, Instant at) {
}
