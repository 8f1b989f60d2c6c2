package my.gov.temujanji.queue.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Where a waiting number stands and about how long it will wait: the numbers ahead of it times the
 * day's mean service time of its type, shared among the desks open for that type. No estimate before
 * the type's first number of the day is served: a guess would be a promise the branch never made.
 */
@Component
@RequiredArgsConstructor
class Estimates {

    /** {@code ahead} numbers are called before it; {@code estimate} is null without an estimate. */
    record Standing(int ahead, Duration estimate) {
    }

    private final Tickets tickets;
    private final Counters counters;
    private final Clock clock;

    /** Null for a number that no longer waits. */
    Standing of(Ticket ticket) {
        if (ticket.status() != TicketStatus.WAITING) {
            return null;
        }
        int ahead = tickets.ahead(ticket);
        Instant startOfDay = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        long open = counters.of(ticket.branchCode()).stream()
                .filter(d -> d.officer() != null && !d.signedInAt().isBefore(startOfDay))
                .filter(d -> d.serviceCodes().contains(ticket.serviceCode())).count();
        Duration estimate = tickets.meanServiceTime(ticket.branchCode(), ticket.serviceCode(), ticket.day())
                .map(mean -> mean.multipliedBy(ahead + 1).dividedBy(Math.max(1, open)))
                .orElse(null);
        return new Standing(ahead, estimate);
    }
}
