/**
 * Fair access (akses adil): keeps scarce slots for people rather than bots and touts. Rate limits per
 * client address and per document number, and a proof-of-work challenge (ALTCHA) before a place is
 * held or booked. Every decision is taken by PostgreSQL, so all nodes share the limits and a solution
 * is accepted once across nodes.
 * Staff logins are limited per address by a filter in front of Spring Security
 * ({@link my.gov.temujanji.fairaccess.StaffLoginRateLimit}). Staff and e-mail blocks of applicants
 * live here too.
 */
package my.gov.temujanji.fairaccess;
