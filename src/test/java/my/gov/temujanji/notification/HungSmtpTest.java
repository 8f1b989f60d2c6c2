package my.gov.temujanji.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.SmtpStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An SMTP server that accepts connections and never answers holds the outbox's own threads only: on
 * the same node, with its background jobs running, the hold sweeper keeps its time.
 */
@IntegrationTest
class HungSmtpTest {

    static final String BRANCH = "SGR-PELABUHAN-KLANG";

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHangingSmtpServerDoesNotStopTheHoldSweeperOnTheSameNode() throws Exception {
        Http http = new Http(port);
        String service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
        LocalDate day = LocalDate.of(2026, 7, 21);
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + day).json();
        Map<String, Object> applicant = new HashMap<>(Applicants.myKadApplicant(Applicants.nextMyKad()));
        applicant.put("email", "hung@example.my");
        // At least one message is due when the node starts.
        assertThat(http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", slots.get(0).get("start").asString(), "applicant", applicant),
                "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);

        try (SmtpStub hung = SmtpStub.silent()) {
            List<String> properties = new ArrayList<>(hung.properties());
            properties.addAll(List.of("temujanji.scheduling.enabled=true", "temujanji.booking.sweep-interval=200ms",
                    "temujanji.notification.send-interval=200ms",
                    // No reminders or no-shows for the other classes' appointments from this node.
                    "temujanji.notification.reminder-time=23:59", "temujanji.counter.no-show-interval=1h",
                    // The server never answers; the client waits a minute on each step of the exchange.
                    "spring.mail.properties.mail.smtp.connectiontimeout=60000",
                    "spring.mail.properties.mail.smtp.timeout=60000"));
            try (SecondNode node = SecondNode.startBeside(environment, properties)) {
                assertThat(within(Duration.ofSeconds(20), () -> hung.connections() > 0 && stuck()))
                        .as("the node is sending e-mail to the silent server").isTrue();
                String hold = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", service,
                        "date", day.toString(), "start", slots.get(1).get("start").asString())).json().get("holdId")
                        .asString();

                node.bean(MutableClock.class).advance(Duration.ofMinutes(11));

                assertThat(within(Duration.ofSeconds(3), () -> jdbc.sql(
                                "SELECT released_at IS NOT NULL FROM hold WHERE id = ?::uuid").param(hold)
                        .query(Boolean.class).single()))
                        .as("the expired hold released by that node's sweeper").isTrue();
                assertThat(stuck()).as("while the e-mail is still stuck").isTrue();
                assertThat(hung.connections()).isBetween(1, 2);
            }
        } finally {
            // The node is gone: its claims end now rather than when their lease runs out, so that the next
            // test class's worker finds what it left at once instead of in the middle of its own counts.
            jdbc.sql("UPDATE outbox_message SET locked_until = NULL, lease_token = NULL "
                    + "WHERE status = 'PENDING' AND lease_token IS NOT NULL").update();
        }
    }

    /** A message is claimed, its lease alive, and not settled: only the node sends (the test's node runs no jobs). */
    private boolean stuck() {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE status = 'PENDING' AND lease_token IS NOT NULL "
                + "AND locked_until > clock_timestamp()").query(Long.class).single() > 0;
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
