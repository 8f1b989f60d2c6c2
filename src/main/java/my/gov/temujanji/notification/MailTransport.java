package my.gov.temujanji.notification;

import java.util.List;

/**
 * Delivers one message from the outbox; throws when it could not. {@code messageId}: the Message-ID
 * header, the same for every try of one outbox message.
 */
interface MailTransport {

    record Attachment(String filename, String contentType, byte[] content) {
    }

    void send(String messageId, MailComposer.Composed mail, List<Attachment> attachments) throws Exception;
}
