package my.gov.temujanji.booking.internal;

import java.time.Clock;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.platform.Sweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the places of holds that ran out. Every node runs it; PostgreSQL's row locks (SKIP
 * LOCKED) make each hold released exactly once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final HoldRepository repository;
    private final BookingProperties properties;
    private final Clock clock;
    private final Sweeps sweeps;

    @Scheduled(fixedDelayString = "${temujanji.booking.sweep-interval:30s}")
    public int sweep() {
        return sweeps.inTransaction(log, "Released {} expired holds", () -> {
            Instant now = clock.instant();
            int released = repository.releaseExpiredHolds(now, Sweeps.BATCH);
            repository.deleteReleasedHoldsBefore(now.minus(properties.draftRetention()));
            return released;
        });
    }
}
