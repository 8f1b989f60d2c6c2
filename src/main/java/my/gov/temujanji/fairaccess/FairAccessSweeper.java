package my.gov.temujanji.fairaccess;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.Sweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes rate-limit windows that have run their period and used challenges that expired. Safe on every node at once. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FairAccessSweeper {

    private static final Logger log = LoggerFactory.getLogger(FairAccessSweeper.class);

    private final RateLimits rateLimits;
    private final Challenges challenges;

    /** @return how many rows went: past rate-limit windows plus used challenges */
    @Scheduled(fixedDelayString = "${temujanji.fair-access.sweep-interval:5m}")
    public int sweep() {
        int removed = rateLimits.removeExpired(Sweeps.BATCH) + challenges.removeExpired();
        log.debug("Removed {} past rate-limit windows and expired used challenges", removed);
        return removed;
    }
}
