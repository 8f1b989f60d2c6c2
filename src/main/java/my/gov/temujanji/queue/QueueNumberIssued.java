package my.gov.temujanji.queue;

import my.gov.temujanji.booking.Appointment;

/**
 * A checked-in appointment got its queue number, in the check-in's transaction: notification e-mails the
 * applicant the number and the link to its ticket page (position and estimated wait).
 */
public record QueueNumberIssued(Appointment appointment) {
}
