package my.gov.temujanji.notification;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.waitlist.WaitlistEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the waitlist's e-mails in the outbox inside the transaction that made the code or the
 * offer: the e-mail and what it reports are kept or lost together, and the worker sends it once.
 */
@Component
@RequiredArgsConstructor
class WaitlistMails {

    private final Outbox outbox;
    private final Clock clock;

    @EventListener
    void on(WaitlistEvent event) {
        if (event instanceof WaitlistEvent.CodeRequested code) {
            outbox.enqueueWaitlist(MailKind.WAITLIST_CODE, code.subject(), code.email(), code.language(), code.code(),
                    clock.instant());
        } else if (event instanceof WaitlistEvent.OfferMade offer) {
            outbox.enqueueWaitlist(MailKind.WAITLIST_OFFER, offer.subject(), offer.email(), offer.language(), null,
                    clock.instant());
        } else {
            outbox.eraseWaitlistSecret(event.subject()); // the code is used
        }
    }
}
