/**
 * Booking (temujanji): holds, the booking transaction, confirmation by e-mail and the applicant's
 * booking pages and JSON API. Owns the tables {@code hold}, {@code appointment} and
 * {@code confirmation_code}, and is their one writer.
 *
 * <p>Its API is this package: {@link my.gov.temujanji.booking.Booking} (book, find, cancel, move),
 * {@link my.gov.temujanji.booking.AppointmentManagement} (what the counter and a branch's schedule
 * change), the values ({@code Appointment}, {@code AppointmentStatus}, {@code Reference}), the events
 * ({@link my.gov.temujanji.booking.AppointmentEvent}, past tense, published in the transaction that
 * made them) and {@link my.gov.temujanji.booking.AppointmentRows} for those who read the table.
 * {@code internal} (holds, repositories, pages, API controller) and {@code confirmation} (the code
 * workflow) are booking's own.
 */
package my.gov.temujanji.booking;
