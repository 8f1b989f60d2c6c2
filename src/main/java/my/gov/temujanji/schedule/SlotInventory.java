package my.gov.temujanji.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes and gives back places in slots. PostgreSQL decides: a slot has one row per place
 * ({@code slot_place}, kept at the slot's capacity by the database's triggers), and a place is taken by
 * one conditional update of a free place row, locked with {@code SKIP LOCKED}: two requests can never
 * take the same place, on any number of app nodes, and the bookings of one slot lock different rows, so
 * none waits for another's commit. Callers hold the place for as long as their transaction runs.
 * Taking reads the branch's schedule fresh (never a cache) under the branch's shared schedule lock, so
 * a closure or a change of hours refuses new places from the moment it commits, on every node.
 *
 * <p>A place a booking gives back (cancelled, unconfirmed, moved away) is offered again only after a
 * delay, so that a place cannot be handed from one person to another by cancelling it at an agreed
 * moment: the place row keeps the time it becomes free ({@code free_from}), and until then it is
 * neither taken nor free.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SlotInventory {

    /** A place taken in a slot: {@code slotId} is what the holder gives back. */
    public record TakenPlace(long slotId, String branchCode, String serviceCode, LocalDate day, LocalTime start,
            LocalTime end) {
    }

    private final Catalogue catalogue;
    private final Availability availability;
    /** A free place row: neither taken nor waiting out a release delay, as SQL over {@code slot_place}. */
    private static final String FREE = "NOT taken AND (free_from IS NULL OR free_from <= ?)";

    private final JdbcClient jdbc;
    private final Clock clock;

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
     * the place before it is counted: the caller's writes are done before a place row is locked, so the row
     * is held only for the update and the commit. {@code first} is given the offering as it
     * was just read, so the caller need not read it again. When no place is left, 409 {@code SLOT_FULL}
     * comes after {@code first}, and the caller's transaction rolls its writes back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T take(String branchCode, String serviceCode, LocalDate day, LocalTime start,
            BiFunction<TakenPlace, Offering, T> first) {
        // Before reading the schedule: a change of the branch's schedule being made now is seen whole.
        enterBranch(branchCode);
        // Read fresh, never from a cache: an offering or branch deactivated a moment ago takes no booking.
        Offering offering = catalogue.requireOffered(branchCode, serviceCode);
        SlotAvailability slot = availability.bookableSlot(offering, day, start);
        if (slot == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", day, start);
        }
        long slotId = slotRow(branchCode, serviceCode, day, start, slot.end(), offering.capacity());
        T result = first.apply(new TakenPlace(slotId, branchCode, serviceCode, day, start, slot.end()), offering);
        // PostgreSQL decides: one free place row of the slot becomes taken, atomic on every node.
        Timestamp now = Timestamp.from(clock.instant());
        int counted = onePlace("taken = true, free_from = NULL", List.of(), slotId, FREE, now);
        if (counted == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", day, start);
        }
        return result;
    }

    /**
     * Takes the places of a group of {@code size} people from the slot starting at {@code start}, all or
     * none ({@link GroupSeating}: the same slot where it has room, else the slots right after it): one
     * statement takes up to {@code size} free place rows of those slots, earlier slots first, skipping
     * rows other transactions hold, so no group waits for another's commit and a group is never
     * partly seated; fewer places than people, or places only with a gap, is 409 {@code SLOT_FULL} and
     * the caller's transaction rolls back whatever it took. Answers one place per person, in slot order.
     * Refused as {@link #take} refuses, for the first slot.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<TakenPlace> takeGroup(String branchCode, String serviceCode, LocalDate day, LocalTime start, int size) {
        BranchScheduleLock.shared(jdbc, branchCode);
        Offering offering = catalogue.requireOffered(branchCode, serviceCode);
        List<SlotAvailability> run = GroupSeating.run(availability.bookableSlots(offering, day), start, size);
        if (run.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", day, start);
        }
        List<Long> slotIds = new ArrayList<>();
        for (SlotAvailability slot : run) {
            slotIds.add(slotRow(branchCode, serviceCode, day, slot.start(), slot.end(), offering.capacity()));
        }
        List<Long> taken = jdbc.sql("""
                        WITH wanted AS (
                            SELECT p.id FROM unnest(CAST(:slots AS bigint[])) WITH ORDINALITY w (slot_id, n)
                            JOIN slot_place p ON p.slot_id = w.slot_id
                            WHERE NOT p.taken AND (p.free_from IS NULL OR p.free_from <= :now)
                            ORDER BY w.n, p.id LIMIT :size FOR UPDATE OF p SKIP LOCKED)
                        UPDATE slot_place p SET taken = true, free_from = NULL FROM wanted
                        WHERE p.id = wanted.id RETURNING p.slot_id""")
                .param("slots", slotIds.toArray(Long[]::new)).param("now", Timestamp.from(clock.instant()))
                .param("size", size)
                .query(Long.class).list();
        List<Integer> counts = slotIds.stream().map(id -> (int) taken.stream().filter(id::equals).count()).toList();
        if (GroupSeating.spread(counts, size).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", day, start);
        }
        List<TakenPlace> places = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            for (int k = 0; k < counts.get(i); k++) {
                places.add(new TakenPlace(slotIds.get(i), branchCode, serviceCode, day, run.get(i).start(),
                        run.get(i).end()));
            }
        }
        return places;
    }

    /**
     * The slot's row, made (its places all free, by the database's trigger) when this is the slot's first
     * booking. A row another transaction makes at the same moment is waited for, and read by a second
     * statement once committed.
     */
    private long slotRow(String branchCode, String serviceCode, LocalDate day, LocalTime start, LocalTime end,
            int capacity) {
        String select = "SELECT id FROM slot WHERE branch_code = :branch AND service_code = :service AND day = :day "
                + "AND start_time = :start";
        return jdbc.sql("""
                        WITH made AS (
                            INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                            VALUES (:branch, :service, :day, :start, :end, :capacity)
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
        if (!EnteredBranches.holds(branchCode)) {
            BranchScheduleLock.shared(jdbc, branchCode);
            EnteredBranches.add(branchCode);
        }
    }

    /**
     * Takes the caller's own transaction-scoped advisory locks ({@code keys}, one key each, in the order
     * given), then the branch's schedule lock shared as {@link #enterBranch} does when {@code branchCode}
     * is not null: the first two steps of the global lock order (see the package's documentation) in one
     * statement, for a booking's request-key, document and e-mail locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enterBranch(String branchCode, String... keys) {
        BranchScheduleLock.sharedAfter(jdbc, branchCode, keys);
        if (branchCode != null) {
            EnteredBranches.add(branchCode);
        }
    }

    /** Whether every place of the slot is taken now ({@link PlaceSql#FULL}), read on its own. */
    public boolean full(String branchCode, String serviceCode, LocalDate day, LocalTime start) {
        return jdbc.sql("SELECT " + PlaceSql.FULL).param("branch", branchCode).param("service", serviceCode).param("day", day)
                .param("start", start).param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
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
                        UPDATE slot_place SET taken = true, free_from = NULL
                        WHERE id = (SELECT p.id FROM slot_place p JOIN slot s ON s.id = p.slot_id
                                    WHERE s.branch_code = :branch AND s.service_code = :service AND s.day = :day
                                      AND s.start_time = :start AND NOT p.taken AND p.free_from > :now
                                    ORDER BY p.free_from DESC LIMIT 1 FOR UPDATE OF p SKIP LOCKED)
                        RETURNING slot_id""")
                .param("now", Timestamp.from(clock.instant())).param("branch", branchCode).param("service", serviceCode)
                .param("day", day).param("start", start)
                .query(Long.class).optional();
    }

    private void giveBack(long slotId, Instant availableFrom) {
        List<Object> freeFrom = Collections.singletonList(ts(availableFrom));
        if (onePlace("taken = false, free_from = ?", freeFrom, slotId, "taken") != 1) {
            throw new IllegalStateException("Slot " + slotId + " had no place taken to give back");
        }
    }

    /**
     * Sets one place row of the slot that matches {@code which}: one no other transaction has locked,
     * else (every match is locked by a transaction still running, which may yet roll back) the first
     * to be let go that still matches. Answers how many rows changed, 0 or 1.
     */
    private int onePlace(String set, List<Object> setParams, long slotId, String which, Object... whichParams) {
        List<Object> params = new ArrayList<>(setParams);
        params.add(slotId);
        params.addAll(Arrays.asList(whichParams));
        String sql = "UPDATE slot_place SET " + set + " WHERE id = (SELECT id FROM slot_place WHERE slot_id = ? AND "
                + which + " LIMIT 1 FOR UPDATE";
        int changed = jdbc.sql(sql + " SKIP LOCKED)").params(params).update();
        return changed == 1 ? 1 : jdbc.sql(sql + ")").params(params).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
