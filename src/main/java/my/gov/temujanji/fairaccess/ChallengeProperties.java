package my.gov.temujanji.fairaccess;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The proof-of-work challenge asked before a hold and before a booking.
 *
 * @param enabled off only for load tests (a WARN says so at start)
 * @param maxNumber the largest secret number: the solver tries about half of it on average
 * @param expiry how long a challenge can be solved and sent
 * @param noScriptDelay without JavaScript, how long after the page was shown the form is accepted
 */
@ConfigurationProperties("temujanji.challenge")
public record ChallengeProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") long maxNumber,
        @DefaultValue("5m") Duration expiry, @DefaultValue("10s") Duration noScriptDelay) {
}
