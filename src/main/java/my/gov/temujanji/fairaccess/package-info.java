/**
 * Fair access (akses adil): keeps scarce slots for people rather than bots and touts. Rate limits per
 * client address and per document number, and a proof-of-work challenge (ALTCHA) before a place is
 * held or booked. Every decision is taken by PostgreSQL, so all nodes share the limits and a solution
 * is accepted once across nodes.
 *
 * <p>Staff login throttling (for the security branch): a per-address login limit is one more
 * {@link my.gov.temujanji.fairaccess.LimitedAction} with its {@code temujanji.rate-limit.*} limits,
 * and a call to {@link my.gov.temujanji.fairaccess.RateLimits#check} from an authentication-failure
 * handler or a filter before the login POST; its {@code RATE_LIMITED} answer already carries
 * {@code Retry-After}.
 */
package my.gov.temujanji.fairaccess;
