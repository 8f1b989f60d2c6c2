package my.gov.temujanji.booking;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group booking ({@code temujanji.booking.group}).
 *
 * @param maxOthers how many people an applicant may add to their booking, for transaction types not
 *        listed in {@code maxOthersByType}
 * @param maxOthersByType the same per transaction type code (0: that type is booked one person at a time)
 */
@ConfigurationProperties("temujanji.booking.group")
public record GroupProperties(@DefaultValue("5") int maxOthers, Map<String, Integer> maxOthersByType) {

    public GroupProperties {
        maxOthersByType = maxOthersByType == null ? Map.of() : Map.copyOf(maxOthersByType);
    }

    /** How many people may be added for this transaction type, never more than five. */
    public int maxOthers(String serviceCode) {
        return Math.min(my.gov.temujanji.schedule.GroupSeating.MAX_GROUP - 1,
                maxOthersByType.getOrDefault(serviceCode, maxOthers));
    }
}
