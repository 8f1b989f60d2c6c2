package my.gov.temujanji.notification;

import org.springframework.context.ApplicationContext;

/** For tests of other capabilities: sends what the outbox holds, as the background job would. */
public final class Outboxes {

    private Outboxes() {
    }

    /**
     * Sends every message due now on the node of {@code context}, round after round (the test classes share
     * one database, so what others left due comes first); returns how many were sent.
     */
    public static int sendDue(ApplicationContext context) {
        OutboxWorker worker = context.getBean(OutboxWorker.class);
        int total = 0;
        for (int round = 0; round < 100; round++) {
            int sent = worker.sendDue();
            if (sent == 0) {
                break;
            }
            total += sent;
        }
        return total;
    }
}
