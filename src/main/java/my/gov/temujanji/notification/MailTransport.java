package my.gov.temujanji.notification;

import java.util.List;

/** Delivers one message from the outbox; throws when it could not. */
interface MailTransport {

    record Attachment(String filename, String contentType, byte[] content) {
    }

    void send(MailComposer.Composed mail, List<Attachment> attachments) throws Exception;
}
