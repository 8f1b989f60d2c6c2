package my.gov.temujanji.waitlist.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offerTime how long an applicant offered a place has to take it
 * @param closeBefore offers end at the latest this long before the place's slot begins, so that a place
 *        not taken still goes to someone: near the appointment day the offer time is shortened to it
 * @param shortestOffer an offer shorter than this is not made: the place goes back to the public
 * @param longestRange how many days an entry's range may cover
 * @param sweepInterval how often each node looks for offers past their deadline
 */
@ConfigurationProperties("temujanji.waitlist")
public record WaitlistProperties(@DefaultValue("2h") Duration offerTime, @DefaultValue("3h") Duration closeBefore,
        @DefaultValue("15m") Duration shortestOffer, @DefaultValue("100") int longestRange,
        @DefaultValue("10s") Duration sweepInterval) {

    /** The deadline of an offer made {@code now} for a slot beginning at {@code slotStart}; null when too short. */
    Instant deadline(Instant now, Instant slotStart) {
        Instant full = now.plus(offerTime);
        Instant latest = slotStart.minus(closeBefore);
        Instant deadline = full.isBefore(latest) ? full : latest;
        return deadline.isBefore(now.plus(shortestOffer)) ? null : deadline;
    }
}
