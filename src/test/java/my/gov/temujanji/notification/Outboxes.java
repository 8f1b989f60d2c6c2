package my.gov.temujanji.notification;

import org.springframework.context.ApplicationContext;

/** For tests of other capabilities: sends what the outbox holds, as the background job would. */
public final class Outboxes {

    private Outboxes() {
    }

    /** Sends every message due now on the node of {@code context}; returns how many were sent. */
    public static int sendDue(ApplicationContext context) {
        return context.getBean(OutboxWorker.class).sendDue();
    }
}
