package my.gov.temujanji.notification;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Real delivery, when {@code spring.mail.host} is configured: plain text and HTML, with attachments. */
@Component
@ConditionalOnProperty("spring.mail.host")
@RequiredArgsConstructor
class SmtpTransport implements MailTransport {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader for every part of every message
        // (jakartaee/mail-api#699): in the fat jar, half of a node's sending time. Named, it is one class
        // lookup. A provider named by the operator is kept.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final NotificationProperties properties;

    @Override
    public void send(String messageId, MailComposer.Composed mail, List<Attachment> attachments) throws Exception {
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
        // JavaMailSenderImpl keeps a Message-ID set here when it saves the message (JavaMail would
        // otherwise make a new one on every try).
        mime.setHeader("Message-ID", messageId);
        sender.send(mime);
    }
}
