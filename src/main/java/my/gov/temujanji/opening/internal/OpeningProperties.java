package my.gov.temujanji.opening.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param waitingRoom whether a transaction type has a waiting room when staff have not switched it
 * @param waitingRoomBefore how long before the opening the waiting room takes tickets
 * @param admissionRate tickets admitted a second from the opening (what the nodes sustain: bench/opening)
 * @param passTtl how long an admitted ticket's pass lasts from its admission
 * @param passKey base64 HMAC key for passes, the same on every node; empty: one kept in PostgreSQL
 */
@ConfigurationProperties("temujanji.opening")
public record OpeningProperties(@DefaultValue("true") boolean waitingRoom,
        @DefaultValue("30m") Duration waitingRoomBefore, @DefaultValue("20") int admissionRate,
        @DefaultValue("10m") Duration passTtl, @DefaultValue("") String passKey) {

    /** WaitingRoomTickets admitted by {@code elapsedMillis} after the opening: one second's worth at once, then the rate. */
    public long admittedBy(long elapsedMillis) {
        return elapsedMillis < 0 ? 0 : admissionRate + elapsedMillis * admissionRate / 1000;
    }
}
