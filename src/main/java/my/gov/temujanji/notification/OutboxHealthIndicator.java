package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code outbox} component of {@code /actuator/health}: how much mail waits, for how long, and the
 * last error of a message still waiting (an SMTP outage shows here). Always UP while the outbox can be
 * read: mail that waits is delayed, not lost, and the product stays ready; this component is not in
 * the readiness group.
 */
@Component
@RequiredArgsConstructor
class OutboxHealthIndicator implements HealthIndicator {

    private final Outbox outbox;
    private final Clock clock;

    @Override
    public Health health() {
        Outbox.Backlog backlog = outbox.backlog();
        Health.Builder health = Health.up().withDetail("pending", backlog.pending());
        if (backlog.oldest() != null) {
            health.withDetail("oldestPendingSeconds",
                    Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toSeconds()));
        }
        if (backlog.lastError() != null) {
            health.withDetail("lastError", backlog.lastError());
        }
        return health.build();
    }
}
