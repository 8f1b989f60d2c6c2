package my.gov.temujanji.waitlist.internal;

import java.time.Clock;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves on the offers no one answered in time. Every node runs it; each offer is claimed in a
 * transaction of its own with SKIP LOCKED, so two nodes never move one offer twice.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OfferSweeper {

    private static final int BATCH = 200;

    private final WaitlistRepository repository;
    private final OfferAnswers answers;
    private final Clock clock;

    /** How many offers this run moved on. */
    @Scheduled(fixedDelayString = "${temujanji.waitlist.sweep-interval:10s}")
    public int sweep() {
        int moved = 0;
        for (Offer due : repository.due(clock.instant(), BATCH)) {
            moved += answers.lapse(due) ? 1 : 0;
        }
        return moved;
    }
}
