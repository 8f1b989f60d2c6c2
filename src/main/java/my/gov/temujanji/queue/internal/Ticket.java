package my.gov.temujanji.queue.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A queue number of a branch's day. {@code token} is the unguessable name of its public page;
 * {@code appointmentReference} is null for a walk-in; {@code forCounter} is set while it waits for one
 * counter (transferred there); {@code counterNumber} is where it was last called.
 */
record Ticket(long id, String token, String branchCode, String serviceCode, LocalDate day, String prefix, int number,
        String appointmentReference, Priority priority, Instant arrivedAt, TicketStatus status, Integer forCounter,
        Integer counterNumber, int calls, Instant firstCalledAt, Instant calledAt, Instant finishedAt,
        Integer serviceSeconds) {

    /** As printed, shown and spoken: the type's letter and three digits (P-014). */
    public String display() {
        return QueueNumber.format(prefix, number);
    }

    public boolean walkIn() {
        return appointmentReference == null;
    }
}
