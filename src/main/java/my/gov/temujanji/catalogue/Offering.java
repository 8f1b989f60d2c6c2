package my.gov.temujanji.catalogue;

/**
 * A transaction type as a branch offers it: the length of its slots and how many applicants one
 * slot takes (the counters serving it). {@code active} is the offering's own switch; it is offered
 * to applicants only while its branch is active too ({@link #offered()}).
 */
public record Offering(Branch branch, TransactionType type, int slotMinutes, int capacity, boolean active) {

    /** Whether applicants may see and book it now. */
    public boolean offered() {
        return active && branch.active();
    }
}
