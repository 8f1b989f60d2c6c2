package my.gov.temujanji.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdDuration how long a place is kept while the applicant fills in their details
 * @param draftRetention how long the details typed on a hold that ran out are kept for them
 */
@ConfigurationProperties("temujanji.booking")
public record BookingProperties(@DefaultValue("10m") Duration holdDuration, @DefaultValue("1d") Duration draftRetention) {
}
