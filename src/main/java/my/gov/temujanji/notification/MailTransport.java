package my.gov.temujanji.notification;

import java.util.List;

/**
 * Delivers the messages of the outbox, a round of them over one connection ({@link #open}).
 */
interface MailTransport {

    record Attachment(String filename, String contentType, byte[] content) {
    }

    /** A connection for a round of messages, made at its first message; closed at the round's end. */
    interface Connection extends AutoCloseable {

        /**
         * Delivers one message; throws when it could not. {@code messageId}: the Message-ID header, the
         * same for every try of one outbox message.
         */
        void send(String messageId, MailComposer.Composed mail, List<Attachment> attachments) throws Exception;

        @Override
        void close();
    }

    Connection open();
}
