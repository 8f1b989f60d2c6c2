package my.gov.temujanji.waitlist.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A place held for one entry until {@code deadline}; {@code state} LIVE, ACCEPTED, LAPSED or WITHDRAWN. */
record Offer(UUID id, UUID entryId, Instant deadline, String state, Place place) {

    /** A place given back, held in its slot while it is handed along the waitlist. */
    record Place(long id, long slotId, String branchCode, String serviceCode, LocalDate day, LocalTime start,
            LocalTime end) {
    }
}
