package my.gov.temujanji.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Real delivery, when {@code spring.mail.host} is configured: plain text and HTML, with attachments. A
 * round's messages share one SMTP connection: connecting and greeting for each was most of a message's
 * cost to the server and to us.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
@RequiredArgsConstructor
class SmtpTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(SmtpTransport.class);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader for every part of every message
        // (jakartaee/mail-api#699): in the fat jar, half of a node's sending time. Named, it is one class
        // lookup. A provider named by the operator is kept.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSenderImpl sender;
    private final NotificationProperties properties;
    private final Clock clock;

    @Override
    public Connection open() {
        return new SmtpConnection();
    }

    /**
     * Connects at its first message. A connection that fails is closed; when it was kept from an earlier
     * message, the server may have closed it meanwhile (an idle timeout, a limit of messages per
     * connection), so the message is tried once more on a new one: no more of a resend than the outbox's
     * own retry of an unsettled message would make.
     */
    private final class SmtpConnection implements Connection {

        private Transport transport;

        @Override
        public void send(String messageId, MailComposer.Composed mail, List<Attachment> attachments)
                throws MessagingException {
            MimeMessage mime = mime(messageId, mail, attachments);
            boolean kept = transport != null;
            try {
                deliver(mime);
            } catch (MessagingException | RuntimeException e) {
                if (!kept) {
                    throw e;
                }
                log.debug("SMTP: a kept connection failed ({}); once more on a new one", e.toString());
                deliver(mime);
            }
        }

        private void deliver(MimeMessage mime) throws MessagingException {
            try {
                if (transport == null) {
                    transport = connect();
                }
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            } catch (MessagingException e) {
                // What was sent is sent: only the goodbye failed.
                log.debug("Closing the SMTP connection: {}", e.toString());
            }
            transport = null;
        }
    }

    /**
     * As {@code JavaMailSenderImpl} connects (its own method is protected), with its settings: the
     * protocol its own or the session's, and a blank user name, with a blank password, no login.
     */
    private Transport connect() throws MessagingException {
        Session session = sender.getSession();
        String protocol = sender.getProtocol() != null ? sender.getProtocol()
                : session.getProperty("mail.transport.protocol") != null ? session.getProperty("mail.transport.protocol")
                : JavaMailSenderImpl.DEFAULT_PROTOCOL;
        Transport transport = session.getTransport(protocol);
        boolean anonymous = "".equals(sender.getUsername());
        transport.connect(sender.getHost(), sender.getPort(), anonymous ? null : sender.getUsername(),
                anonymous && "".equals(sender.getPassword()) ? null : sender.getPassword());
        return transport;
    }

    private MimeMessage mime(String messageId, MailComposer.Composed mail, List<Attachment> attachments)
            throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        for (Attachment attachment : attachments) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        mime.setSentDate(Date.from(clock.instant()));
        mime.saveChanges();
        // Set after saveChanges, which would make a new one on every try.
        mime.setHeader("Message-ID", messageId);
        return mime;
    }
}
