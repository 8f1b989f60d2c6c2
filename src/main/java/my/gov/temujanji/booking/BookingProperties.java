package my.gov.temujanji.booking;

import java.time.Duration;
import my.gov.temujanji.catalogue.Offering;
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
 * @param arriveEarly how long before the appointment's time applicants must arrive (hadir awal): the
 *        landing page, the slip and the e-mails state it, and the counter's check-in closes at it plus
 *        the branch's grace, so what applicants are told and what the counter does are one setting
 */
@ConfigurationProperties("temujanji.booking")
public record BookingProperties(@DefaultValue("10m") Duration holdDuration, @DefaultValue("1d") Duration draftRetention,
        @DefaultValue("true") boolean emailConfirmation, @DefaultValue("5") int confirmationTries,
        @DefaultValue("3") int confirmationSends, @DefaultValue("3") int maxActivePerEmail,
        @DefaultValue("2") int maxActivePerDocument, @DefaultValue("15m") Duration releaseDelay,
        @DefaultValue("30m") Duration arriveEarly) {

    /** The arrive-early rule in whole minutes, as the texts that state it print it. */
    public long arriveEarlyMinutes() {
        return arriveEarly.toMinutes();
    }

    /** Whether a booking of the offering waits for the e-mailed code: its type says, else {@code emailConfirmation}. */
    public boolean confirmsByEmail(Offering offering) {
        Boolean ofType = offering.type().emailConfirmation();
        return ofType != null ? ofType : emailConfirmation;
    }
}
