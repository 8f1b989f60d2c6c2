package my.gov.temujanji.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdDuration how long a place is kept while the applicant fills in their details, and how
 *        long a booking waits for the code sent by e-mail
 * @param draftRetention how long the details typed on a hold that ran out are kept for them
 * @param emailConfirmation whether a booking waits for the e-mailed code, for transaction types that
 *        do not say (transaction_type.email_confirmation is NULL)
 * @param confirmationTries wrong codes accepted before a code is dead (a new one can be asked for)
 * @param confirmationSends codes sent at most per booking (the first and the resent ones)
 * @param maxActivePerEmail upcoming active appointments (PENDING or CONFIRMED) one e-mail address may have
 * @param maxActivePerDocument upcoming active appointments one document may have, all transaction types together
 * @param releaseDelay how long a place given back by a booking (cancelled, unconfirmed, moved away)
 *        waits before it is offered again
 */
@ConfigurationProperties("temujanji.booking")
public record BookingProperties(@DefaultValue("10m") Duration holdDuration, @DefaultValue("1d") Duration draftRetention,
        @DefaultValue("true") boolean emailConfirmation, @DefaultValue("5") int confirmationTries,
        @DefaultValue("3") int confirmationSends, @DefaultValue("3") int maxActivePerEmail,
        @DefaultValue("2") int maxActivePerDocument, @DefaultValue("15m") Duration releaseDelay) {
}
