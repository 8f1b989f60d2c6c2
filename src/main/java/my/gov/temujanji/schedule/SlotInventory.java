package my.gov.temujanji.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.BiFunction;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes and gives back places in slots. PostgreSQL decides: a place is taken by one conditional
 * upsert that only succeeds while the slot has a free place, so two requests can never both take the
 * last one, on any number of app nodes. Callers hold the place for as long as their transaction runs.
 * Taking reads the branch's schedule fresh (never a cache) under the branch's shared schedule lock, so
 * a closure or a change of hours refuses new places from the moment it commits, on every node.
 *
 * <p>A place a booking gives back (cancelled, unconfirmed, moved away) is offered again only after a
 * delay, so that a place cannot be handed from one person to another by cancelling it at an agreed
 * moment: the time it becomes free is kept in the slot's row ({@code quarantined_until}), and a place
 * is free when {@code taken} plus the releases still waiting is below capacity.
 */
@Service
public class SlotInventory {

    /** A place taken in a slot: {@code slotId} is what the holder gives back. */
    public record TakenPlace(long slotId, String branchCode, String serviceCode, LocalDate day, LocalTime start,
            LocalTime end) {
    }

    private final Catalogue catalogue;
    private final Availability availability;
    /** The places of a slot held or still waiting to be offered again, as SQL over a row of {@code slot}. */
    static String occupied(String slot, String now) {
        return slot + ".taken + cardinality(" + waiting(slot, now) + ")";
    }

    /** The release times of a slot's given-back places not yet offered again, as SQL over a row of {@code slot}. */
    private static String waiting(String slot, String now) {
        return "array(SELECT t FROM unnest(" + slot + ".quarantined_until) t WHERE t > " + now + ")";
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SlotInventory(Catalogue catalogue, Availability availability, JdbcClient jdbc, Clock clock) {
        this.catalogue = catalogue;
        this.availability = availability;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes one place, or refuses: 404 for unknown codes or an inactive branch or offering, 422 {@code NOT_BOOKABLE} for a day or time
     * the schedule does not offer now, 409 {@code SLOT_FULL} when no place is left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TakenPlace take(String branchCode, String serviceCode, LocalDate day, LocalTime start) {
        return take(branchCode, serviceCode, day, start, (place, offering) -> place);
    }

    /**
     * Takes one place as {@link #take(String, String, LocalDate, LocalTime)} does, with {@code first} run in
     * the place before it is counted: the caller's writes are done before the slot's row is locked, so the
     * bookings of one slot wait on each other only for a commit. {@code first} is given the offering as it
     * was just read, so the caller need not read it again. When no place is left, 409 {@code SLOT_FULL}
     * comes after {@code first}, and the caller's transaction rolls its writes back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T take(String branchCode, String serviceCode, LocalDate day, LocalTime start,
            BiFunction<TakenPlace, Offering, T> first) {
        // Before reading the schedule: a change of the branch's schedule being made now is seen whole.
        BranchScheduleLock.shared(jdbc, branchCode);
        // Read fresh, never from a cache: an offering or branch deactivated a moment ago takes no booking.
        Offering offering = catalogue.requireOffered(branchCode, serviceCode);
        SlotAvailability slot = availability.bookableSlot(offering, day, start);
        if (slot == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", day, start);
        }
        long slotId = slotRow(branchCode, serviceCode, day, start, slot.end(), offering.capacity());
        T result = first.apply(new TakenPlace(slotId, branchCode, serviceCode, day, start, slot.end()), offering);
        // PostgreSQL decides: the one conditional update that counts the place, atomic on every node.
        int counted = jdbc.sql("""
                        UPDATE slot SET taken = slot.taken + 1, quarantined_until =\s""" + waiting("slot", ":now") + """
                        WHERE id = :id AND\s""" + occupied("slot", ":now") + """
                         < slot.capacity""")
                .param("id", slotId).param("now", Timestamp.from(clock.instant()))
                .update();
        if (counted == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", day, start);
        }
        return result;
    }

    /**
     * The slot's row, made with no place taken when this is the slot's first booking. A row another
     * transaction makes at the same moment is waited for, and read by a second statement once committed.
     */
    private long slotRow(String branchCode, String serviceCode, LocalDate day, LocalTime start, LocalTime end,
            int capacity) {
        String select = "SELECT id FROM slot WHERE branch_code = :branch AND service_code = :service AND day = :day "
                + "AND start_time = :start";
        return jdbc.sql("""
                        WITH made AS (
                            INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity, taken)
                            VALUES (:branch, :service, :day, :start, :end, :capacity, 0)
                            ON CONFLICT (branch_code, service_code, day, start_time) DO NOTHING
                            RETURNING id)
                        SELECT id FROM made UNION ALL\s""" + select)
                .param("branch", branchCode).param("service", serviceCode).param("day", day).param("start", start)
                .param("end", end).param("capacity", capacity)
                .query(Long.class).list().stream().findFirst()
                .orElseGet(() -> jdbc.sql(select).param("branch", branchCode).param("service", serviceCode)
                        .param("day", day).param("start", start).query(Long.class).single());
    }

    /**
     * Takes the branch's schedule lock shared, first of all the locks of a transaction that will give
     * back or take places there (the global lock order, see the package's documentation): a change of
     * the branch's schedule is then waited for whole, before any row it may need is locked here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enterBranch(String branchCode) {
        BranchScheduleLock.shared(jdbc, branchCode);
    }

    /**
     * Whether every place of the slot is taken now. A quick answer for the many who arrive after the
     * last place went: it never grants a place, only {@link #take} does.
     */
    public boolean full(String branchCode, String serviceCode, LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        SELECT\s""" + occupied("slot", "?") + """
                         >= capacity FROM slot
                        WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?""")
                .params(Timestamp.from(clock.instant()), branchCode, serviceCode, day, start)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Gives a held place back at once, in the caller's transaction: for a hold, which was never a
     * booking (and whose applicant may take the same slot again when it ran out).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long slotId) {
        giveBack(slotId, null);
    }

    /** Gives a booked place back, to be offered again from {@code availableFrom}, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseFrom(long slotId, Instant availableFrom) {
        giveBack(slotId, availableFrom);
    }

    /**
     * Takes back, for a waitlist offer, the place given back last in this slot while it still waits out
     * its release delay: it goes from waiting to taken in one update, so it is never free to the public.
     * Empty when no given-back place waits in the slot.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> takeGivenBack(String branchCode, String serviceCode, LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        UPDATE slot SET taken = taken + 1, quarantined_until = array(
                            SELECT t FROM unnest(quarantined_until) t WHERE t > :now ORDER BY t DESC OFFSET 1)
                        WHERE branch_code = :branch AND service_code = :service AND day = :day AND start_time = :start
                          AND cardinality(""" + waiting("slot", ":now") + """
                        ) > 0
                        RETURNING id""")
                .param("now", Timestamp.from(clock.instant())).param("branch", branchCode).param("service", serviceCode)
                .param("day", day).param("start", start)
                .query(Long.class).optional();
    }

    private void giveBack(long slotId, Instant availableFrom) {
        int updated = jdbc.sql("""
                        UPDATE slot SET taken = taken - 1,
                            quarantined_until = CASE WHEN ?::timestamptz IS NULL THEN quarantined_until
                                ELSE array_append(quarantined_until, ?::timestamptz) END
                        WHERE id = ? AND taken > 0""")
                .params(ts(availableFrom), ts(availableFrom), slotId).update();
        if (updated != 1) {
            throw new IllegalStateException("Slot " + slotId + " had no place taken to give back");
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
