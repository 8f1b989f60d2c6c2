package my.gov.temujanji.fairaccess;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits; the defaults are in application.properties.
 *
 * @param enabled off only for load tests that measure the booking core (a WARN says so at start)
 * @param period the window every limit counts in
 */
@ConfigurationProperties("temujanji.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration period, Limit holds, Limit bookings, Limit lookups, Limit logins) {

    /** Requests allowed per period from one client address and for one document number. */
    public record Limit(int perAddress, int perDocument) {
    }

    Limit of(LimitedAction action) {
        return switch (action) {
            case HOLD -> holds;
            case BOOKING -> bookings;
            case LOOKUP -> lookups;
            case STAFF_LOGIN -> logins;
        };
    }
}
