package my.gov.temujanji.staff;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the failed-login rows whose lock has ended and whose window has passed: every address a
 * guesser tries leaves one, and none of them decides anything any more. Safe on every node at once.
 */
@Component
class LoginFailureSweeper {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureSweeper.class);

    private final StaffAccounts accounts;
    private final StaffProperties properties;
    private final Clock clock;

    LoginFailureSweeper(StaffAccounts accounts, StaffProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many rows went */
    @Scheduled(fixedDelayString = "${temujanji.staff.login.sweep-interval:15m}")
    int sweep() {
        int removed = accounts.removeStaleFailures(clock.instant(), properties.login().failureWindow());
        log.debug("Removed {} stale failed-login rows", removed);
        return removed;
    }
}
