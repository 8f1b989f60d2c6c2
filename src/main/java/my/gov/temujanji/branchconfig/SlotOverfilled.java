package my.gov.temujanji.branchconfig;

/**
 * A change of a branch's schedule being made left a slot with {@code excess} more places taken than it
 * now allows. Published in the change's transaction, with the slot's row locked, before any hold or
 * appointment is freed: a listener holding places there for no one yet (the waitlist's offers) gives
 * them back first.
 */
public record SlotOverfilled(long slotId, int excess) {
}
