/**
 * Weekly hours, closures, the booking window, availability and the slot inventory.
 *
 * <h2>The global lock order</h2>
 * Every transaction that takes, gives back or counts places takes its locks in this order, whatever
 * the path (applicant hold, booking, confirmation, cancellation, move; the counter's check-in and LATE;
 * a branch or system administrator's change of places, slot length, hours or closures):
 * <ol>
 * <li>a booking's request-key, document and e-mail advisory locks, in that order, in one statement
 * (no other path takes them), which takes the next step's lock too for a slot named directly
 * ({@link my.gov.temujanji.schedule.SlotInventory#enterBranch(String, String...)});</li>
 * <li>the branch's schedule advisory lock ({@code BranchScheduleLock}): shared to take or give back a
 * place ({@link my.gov.temujanji.schedule.SlotInventory#enterBranch(String)}, and inside {@code take}: once
 * per transaction and branch),
 * exclusive for a change of the branch's schedule; several branches in the order of their codes;</li>
 * <li>slot rows, in (day, start time) order (a change locks them {@code FOR UPDATE} to count their places,
 * a sweeper {@code FOR KEY SHARE} before it gives places back, a booking only through its foreign key);
 * then their place rows ({@code slot_place}), one at a time, each taken or given back with
 * {@code SKIP LOCKED} first;</li>
 * <li>hold rows, then appointment rows (then an appointment's confirmation code).</li>
 * </ol>
 * The branch lock comes before any row for the applicant's paths too: a row a path needs is looked
 * up without a lock, its branch locked, and only then the row. A schedule change (exclusive) therefore
 * never waits on a row held by a transaction that waits on the change.
 *
 * <p>The sweepers (expired holds, unconfirmed bookings, no-shows) take no branch lock: they claim their
 * hold, code or appointment rows with {@code SKIP LOCKED}, so they never wait on each other or on a
 * request for those rows, and give the places back in slot order (no-shows) or in one statement; what
 * they skip is done on their next run.
 *
 * <p>Whatever deadlock (40P01) or serialization failure (40001) PostgreSQL still reports, for example
 * between two moves that swap slots, or a sweeper's statement meeting a change, is retried whole by
 * {@link my.gov.temujanji.platform.RetryOnConflict} at the transaction's entry point, so no applicant
 * or officer sees a 500 from a race.
 */
package my.gov.temujanji.schedule;
