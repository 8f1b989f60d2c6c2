package my.gov.temujanji.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
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
 */
@Service
public class SlotInventory {

    /** A place taken in a slot: {@code slotId} is what the holder gives back. */
    public record TakenPlace(long slotId, String branchCode, String serviceCode, LocalDate day, LocalTime start,
            LocalTime end) {
    }

    private final Catalogue catalogue;
    private final Availability availability;
    private final JdbcClient jdbc;

    SlotInventory(Catalogue catalogue, Availability availability, JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.availability = availability;
        this.jdbc = jdbc;
    }

    /**
     * Takes one place, or refuses: 404 for unknown codes or an inactive branch or offering, 422 {@code NOT_BOOKABLE} for a day or time
     * the schedule does not offer now, 409 {@code SLOT_FULL} when no place is left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TakenPlace take(String branchCode, String serviceCode, LocalDate day, LocalTime start) {
        // Before reading the schedule: a change of the branch's schedule being made now is seen whole.
        BranchScheduleLock.shared(jdbc, branchCode);
        // Read fresh, never from a cache: an offering or branch deactivated a moment ago takes no booking.
        Offering offering = catalogue.requireOffered(branchCode, serviceCode);
        SlotAvailability slot = availability.bookableSlot(offering, day, start);
        if (slot == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", day, start);
        }
        Long slotId = jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity, taken)
                        VALUES (?, ?, ?, ?, ?, ?, 1)
                        ON CONFLICT (branch_code, service_code, day, start_time)
                        DO UPDATE SET taken = slot.taken + 1 WHERE slot.taken < slot.capacity
                        RETURNING id""")
                .params(branchCode, serviceCode, day, start, slot.end(), offering.capacity())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", day, start));
        return new TakenPlace(slotId, branchCode, serviceCode, day, start, slot.end());
    }

    /**
     * Whether every place of the slot is taken now. A quick answer for the many who arrive after the
     * last place went: it never grants a place, only {@link #take} does.
     */
    public boolean full(String branchCode, String serviceCode, LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        SELECT taken >= capacity FROM slot
                        WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?""")
                .params(branchCode, serviceCode, day, start)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Gives a place back, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long slotId) {
        int updated = jdbc.sql("UPDATE slot SET taken = taken - 1 WHERE id = ? AND taken > 0").param(slotId).update();
        if (updated != 1) {
            throw new IllegalStateException("Slot " + slotId + " had no place taken to give back");
        }
    }
}
