package my.gov.temujanji.counter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInOpensBefore how long before the appointment's time the counter starts checking in (the
 *                           window's close is the booking's arrive-early rule, {@code BookingProperties})
 */
@ConfigurationProperties("temujanji.counter")
record CounterProperties(@DefaultValue("60m") Duration checkInOpensBefore) {
}
