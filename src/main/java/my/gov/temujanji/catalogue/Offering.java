package my.gov.temujanji.catalogue;

/**
 * A transaction type as a branch offers it: the length of its slots and how many applicants one
 * slot takes (the counters serving it).
 */
public record Offering(Branch branch, TransactionType type, int slotMinutes, int capacity) {
}
