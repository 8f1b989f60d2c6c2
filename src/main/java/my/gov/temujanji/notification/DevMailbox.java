package my.gov.temujanji.notification;

import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;

import java.util.List;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * With the embedded database and without SMTP settings (the default of {@code ./mvnw spring-boot:run}),
 * messages are "delivered" to this developer mailbox: a newcomer sees every e-mail the product sends at
 * {@code /dev/mailbox}. It does not exist once {@code spring.mail.host} is set, nor ever with an external
 * database (which refuses to start without SMTP settings: platform/EmbeddedDatabase).
 */
@Controller
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty() and '${temujanji.embedded-database.active:false}' == 'true'")
@RequiredArgsConstructor
class DevMailbox implements MailTransport {

    /** A message of the mailbox, written out as it was sent, with links to the files it carried. */
    record Delivered(OutboxMessage message, MailComposer.Composed mail, List<Link> attachments) {
    }

    /** An attachment, downloaded from the slip's own address: made as the worker makes it, from the appointment now. */
    record Link(String filename, String href) {
    }

    private final Outbox outbox;
    private final MailComposer composer;

    /** Delivered: the outbox row, marked sent, is what the mailbox page shows. */
    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public void send(String messageId, MailComposer.Composed mail, List<Attachment> attachments) {
                // Nothing to carry: the mailbox page reads the outbox.
            }

            @Override
            public void close() {
                // Nothing was opened.
            }
        };
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) {
        model.addAttribute("messages", outbox.latest(100).stream().map(this::delivered).toList());
        return "dev/mailbox";
    }

    @GetMapping("/dev/mailbox/{id}")
    String message(@PathVariable long id, Model model) {
        model.addAttribute("delivered", delivered(outbox.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND"))));
        return "dev/message";
    }

    private Delivered delivered(OutboxMessage message) {
        MailComposer.Composed mail = composer.compose(message);
        if (!mail.kind().withSlip) {
            return new Delivered(message, mail, List.of());
        }
        Appointment appointment = mail.appointment();
        String slip = "/slip/" + appointment.reference();
        String language = "?lang=" + appointment.language();
        return new Delivered(message, mail, List.of(
                new Link(OutboxWorker.slipFilename(appointment), slip + "/slip.pdf" + language),
                new Link(OutboxWorker.calendarFilename(appointment), slip + "/temujanji.ics" + language)));
    }
}
