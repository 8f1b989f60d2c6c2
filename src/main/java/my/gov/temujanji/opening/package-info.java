/**
 * The fair opening (issue 17): a waiting room in front of each daily release of a transaction type.
 * From {@code temujanji.opening.waiting-room-before} (30 minutes) before the opening, applicants take a
 * ticket (document number and an e-mail address confirmed by a six-digit code); at the opening every
 * ticket confirmed before it is put in the order of HMAC-SHA256(secret, ticket id), the secret drawn
 * per release and its SHA-256 shown beforehand; later tickets join the back in arrival order. Tickets
 * are admitted at {@code temujanji.opening.admission-rate} a second from the opening; an admitted
 * ticket's browser gets a signed pass that a hold of one of the release's days requires, once.
 * Everything is decided in PostgreSQL (tables {@code opening_*}).
 *
 * <p>{@link my.gov.temujanji.opening.Opening} is what other capabilities see: booking's
 * {@link my.gov.temujanji.booking.HoldGate}, and whether a waiting room is open.
 */
package my.gov.temujanji.opening;
