package my.gov.temujanji.queue.internal;

/** Where a number is in the day: waiting, called to a counter, parked by its officer, or done. */
enum TicketStatus {
    WAITING, CALLED, PARKED, SERVED, ABSENT
}
