package my.gov.temujanji.counter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInOpensBefore how long before the appointment's time the counter starts checking in
 * @param arriveEarly        how early applicants are told to arrive: the slip and the e-mails say 30
 *                           minutes, so change their texts with it
 */
@ConfigurationProperties("temujanji.counter")
record CounterProperties(@DefaultValue("60m") Duration checkInOpensBefore, @DefaultValue("30m") Duration arriveEarly) {
}
