package my.gov.temujanji.notification;

import java.time.Clock;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The e-mails of the fair opening's waiting room, written to the outbox in the caller's transaction. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TicketMails {

    private final Outbox outbox;
    private final Clock clock;

    /** The six-digit code that confirms a ticket's e-mail address; sent once, like every outbox message. */
    public void sendCode(String recipient, String language, String code) {
        outbox.enqueue(MailKind.TICKET_CODE, null, recipient, language, null, code, clock.instant());
    }
}
