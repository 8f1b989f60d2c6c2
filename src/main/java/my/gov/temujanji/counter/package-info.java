/**
 * The counter (kaunter): today's list of a branch, the verify box for a slip's QR token or a
 * reference, check-in within the window, marking late arrivals, and the end-of-day no-shows.
 *
 * <p>The window for an appointment starting at {@code T}: from {@code T - check-in-opens-before}
 * (60 min) to {@code T - arrive-early + the branch's late_grace_minutes} (30 and 10 min by default).
 * {@code temujanji.booking.arrive-early} is also the rule the landing page, the slip and the e-mails
 * print ("at least 30 minutes before"). After the window the officer may mark the appointment LATE;
 * appointments still CONFIRMED when their day is over become NO_SHOW.
 */
package my.gov.temujanji.counter;
