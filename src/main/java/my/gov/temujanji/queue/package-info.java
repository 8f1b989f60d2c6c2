/**
 * A day at the branch (issue 18): queue numbers per transaction type (P-014) for checked-in appointments
 * and walk-ins from the staff-unlocked kiosk, priority, counters where officers call, recall, serve,
 * park, transfer and mark absent, the public call display, the applicant's ticket page with its
 * estimate, reports of waiting and service times, and the JSON API. {@link my.gov.temujanji.queue.QueueArrivals}
 * is the only entry from other capabilities (the counter's {@code AppointmentCheckedIn}); the rest is
 * in {@code internal}, which owns the {@code queue_*} tables.
 */
package my.gov.temujanji.queue;
