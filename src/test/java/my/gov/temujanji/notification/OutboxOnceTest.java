package my.gov.temujanji.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.SmtpStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each message sent once as far as SMTP allows: an SMTP server that takes 3 s per message, two nodes
 * sending at once, a node that died holding a claim, a resend after the "sent" was lost.
 */
@IntegrationTest
@TestPropertySource(properties = {OutboxOnceTest.CONFIRMATION_ON, OutboxOnceTest.LEASE, OutboxOnceTest.RENEWAL})
class OutboxOnceTest {

    static final String CONFIRMATION_ON = "temujanji.booking.email-confirmation=true";
    // Shorter than a batch of sends (and than the old two-minute batch lease's batches), longer than one.
    static final String LEASE = "temujanji.notification.lease=6s";
    static final String RENEWAL = "temujanji.notification.lease-renewal=2s";
    static final String BRANCH = "SGR-KELANA-JAYA";
    /**
     * Before the other test classes' clock: what they left in the outbox is not due yet at this time,
     * so the slow server is spent on this class's messages only.
     */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 9, 0);
    static final SmtpStub smtp = SmtpStub.slow(Duration.ofSeconds(3));
    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxWorker worker;
    @Autowired
    Outbox outbox;
    @Autowired
    Environment environment;

    Http http;
    String service;
    // Across the class's tests: each books places no other test took.
    static LocalDate nextDay = NOW.toLocalDate().plusDays(1);
    static int nextSlot;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        node2 = SecondNode.startBeside(environment, sendingTo(smtp));
    }

    /** A node's settings for sending to {@code server} as this class's nodes do. */
    private static List<String> sendingTo(SmtpStub server) {
        List<String> properties = new ArrayList<>(server.properties());
        properties.addAll(List.of(CONFIRMATION_ON, LEASE, RENEWAL));
        return properties;
    }

    @AfterAll
    static void stop() {
        node2.close();
        smtp.close();
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(NOW);
        node2.bean(MutableClock.class).set(NOW);
        service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
        smtp.clear();
    }

    /** The worker of before (a batch of 50 claimed under one lease) delivered 71 e-mails for these 20 codes. */
    @Test
    void withSlowSmtpTwoNodesSendingAtOnceDeliverEachCodeExactlyOnce() throws Exception {
        List<String> references = book(20, "once");

        Map<String, Long> deliveries = sendOnBothNodesUntilSettled(node2, references);

        assertThat(deliveries).as("deliveries per Message-ID").hasSize(20).allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(recipientsOf("once")).hasSize(20).doesNotHaveDuplicates();
        assertThat(sentOnceEach(references)).isEqualTo(20);
    }

    /**
     * The control: the same run, but one node's lease is shorter than a send and never renewed (what the
     * old worker did with a batch that outlasted its lease). The other node takes its messages over
     * while they are still being sent, and the count above sees the duplicates.
     */
    @Test
    void controlWithALeaseShorterThanASendAndNoRenewalTheSameRunDeliversDuplicates() throws Exception {
        List<String> references = book(6, "control");
        List<String> properties = new ArrayList<>(smtp.properties());
        properties.addAll(List.of(CONFIRMATION_ON, "temujanji.notification.lease=1s",
                "temujanji.notification.lease-renewal=1h"));
        try (SecondNode careless = SecondNode.startBeside(environment, properties)) {
            careless.bean(MutableClock.class).set(NOW);

            Map<String, Long> deliveries = sendOnBothNodesUntilSettled(careless, references);

            assertThat(deliveries.values().stream().mapToLong(Long::longValue).sum())
                    .as("deliveries of 6 messages").isGreaterThan(6);
            assertThat(deliveries.values()).as("some message delivered more than once").anyMatch(count -> count > 1);
        }
    }

    @Test
    void aDeadNodesClaimIsTakenOverWithinSecondsOfItsLeaseAndItsTokenSettlesNothing() throws Exception {
        String reference = book(1, "dead").get(0);
        long id = codeMessage(reference);
        UUID dead = UUID.randomUUID();
        Instant leaseEnd = jdbc.sql("""
                        UPDATE outbox_message SET lease_token = ?, locked_until = clock_timestamp() + interval '2 seconds',
                            attempts = attempts + 1
                        WHERE id = ? RETURNING locked_until""")
                .params(dead, id).query(Timestamp.class).single().toInstant();

        assertThat(node2.bean(OutboxWorker.class).sendDue()).as("while the dead node's lease lasts").isZero();
        Instant delivered = null;
        while (delivered == null && Instant.now().isBefore(leaseEnd.plusSeconds(20))) {
            if (node2.bean(OutboxWorker.class).sendDue() == 1) {
                delivered = Instant.now();
            } else {
                Thread.sleep(100);
            }
        }

        assertThat(delivered).as("sent by the other node").isNotNull();
        // The send itself takes the server's 3 s.
        assertThat(Duration.between(leaseEnd, delivered)).isLessThan(Duration.ofSeconds(6));
        assertThat(recipientsOf("dead")).hasSize(1);
        assertThat(outbox.markSent(id, dead, clock.instant())).isFalse();
        assertThat(outbox.markFailed(id, dead, "late news", clock.instant(), 10)).isFalse();
        assertThat(outbox.markSkipped(id, dead, "late news")).isFalse();
        assertThat(outbox.renew(id, dead, Duration.ofMinutes(1))).isFalse();
        Map<String, Object> row = jdbc.sql("SELECT status, attempts, last_error, lease_token, locked_until, skipped_reason "
                + "FROM outbox_message WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 2).containsEntry("last_error", null)
                .containsEntry("lease_token", null).containsEntry("locked_until", null)
                .containsEntry("skipped_reason", null);
    }

    @Test
    void aResendAfterTheSentMarkWasLostCarriesTheSameMessageId() throws Exception {
        String reference = book(1, "resend").get(0);
        long id = codeMessage(reference);
        assertThat(worker.sendDue()).isEqualTo(1);
        // As if the database had lost the commit of "sent" (a crash right after the send).
        jdbc.sql("UPDATE outbox_message SET status = 'PENDING', sent_at = NULL WHERE id = ?").param(id).update();
        assertThat(node2.bean(OutboxWorker.class).sendDue()).isEqualTo(1);

        List<SmtpStub.Received> received = smtp.received();
        assertThat(received).extracting(SmtpStub.Received::messageId)
                .containsExactly("<outbox-" + id + ".temujanji@localhost>", "<outbox-" + id + ".temujanji@localhost>");
    }

    @Test
    void theCodeOfAnAppointmentCancelledMeanwhileIsNotSentButTheCancellationIs() {
        String reference = book(1, "cancelled").get(0);
        String document = jdbc.sql("SELECT document_number FROM appointment WHERE reference = ?").param(reference)
                .query(String.class).single();
        assertThat(http.postJson("/api/v1/appointments/" + reference + "/cancel", Map.of("documentNumber", document))
                .status()).isEqualTo(200);

        assertThat(worker.sendDue()).isEqualTo(1);

        assertThat(jdbc.sql("SELECT kind || ' ' || status || ' ' || coalesce(skipped_reason, '-') FROM outbox_message "
                        + "WHERE appointment_reference = ? ORDER BY id").param(reference).query(String.class).list())
                .containsExactly("CONFIRMATION_CODE SKIPPED appointment CANCELLED", "CANCELLED SENT -");
        assertThat(recipientsOf("cancelled")).hasSize(1);
    }

    /** A round's messages share one SMTP connection: connecting and greeting for each cost more than the message. */
    @Test
    void aRoundsMessagesShareOneSmtpConnection() {
        List<String> references = book(5, "round");
        try (SmtpStub quick = SmtpStub.slow(Duration.ZERO); SecondNode sender = nodeSendingTo(quick)) {
            assertThat(sender.bean(OutboxWorker.class).sendDue()).isEqualTo(5);

            assertThat(quick.received()).extracting(SmtpStub.Received::recipient).containsExactlyInAnyOrder(
                    "round0@example.my", "round1@example.my", "round2@example.my", "round3@example.my",
                    "round4@example.my");
            assertThat(quick.connections()).isOne();
            assertThat(sentOnceEach(references)).isEqualTo(5);
        }
    }

    /**
     * A kept connection the server has closed meanwhile (an idle timeout, a limit of messages per
     * connection) costs a new connection, not the message: without the second try on a new one, every
     * other message here would wait for the outbox's retry.
     */
    @Test
    void aServerThatHangsUpAfterEachMessageStillGetsEachMessageOnceInTheSameRound() {
        List<String> references = book(4, "hangup");
        try (SmtpStub hangsUp = SmtpStub.onePerConnection(); SecondNode sender = nodeSendingTo(hangsUp)) {
            assertThat(sender.bean(OutboxWorker.class).sendDue()).isEqualTo(4);

            assertThat(hangsUp.received()).extracting(SmtpStub.Received::recipient).containsExactlyInAnyOrder(
                    "hangup0@example.my", "hangup1@example.my", "hangup2@example.my", "hangup3@example.my");
            assertThat(hangsUp.connections()).isEqualTo(4);
            assertThat(sentOnceEach(references)).isEqualTo(4);
        }
    }

    private SecondNode nodeSendingTo(SmtpStub server) {
        SecondNode node = SecondNode.startBeside(environment, sendingTo(server));
        node.bean(MutableClock.class).set(NOW);
        return node;
    }

    /** How many of the appointments' codes are sent, at the first attempt. */
    private long sentOnceEach(List<String> references) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE appointment_reference IN (:refs) "
                        + "AND kind = 'CONFIRMATION_CODE' AND status = 'SENT' AND attempts = 1 AND lease_token IS NULL")
                .param("refs", references).query(Long.class).single();
    }

    /**
     * Two threads a node call the worker every 200 ms, as the nodes' schedulers do, until every message
     * of {@code references} is settled; returns the deliveries per Message-ID. The nodes' clocks run as
     * real time does meanwhile, so that a lease kept on them would run out too.
     */
    private Map<String, Long> sendOnBothNodesUntilSettled(SecondNode other, List<String> references) throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(90);
        Supplier<Boolean> settled = () -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE appointment_reference "
                + "IN (:refs) AND status = 'PENDING'").param("refs", references).query(Long.class).single() == 0;
        OutboxWorker otherWorker = other.bean(OutboxWorker.class);
        List<Callable<Integer>> pollers = new ArrayList<>();
        MutableClock otherClock = other.bean(MutableClock.class);
        for (int i = 0; i < 4; i++) {
            OutboxWorker w = i < 2 ? worker : otherWorker;
            MutableClock c = i < 2 ? clock : otherClock;
            pollers.add(() -> {
                int sent = 0;
                while (!settled.get() && Instant.now().isBefore(deadline)) {
                    c.set(NOW.plus(Duration.between(start, Instant.now())));
                    sent += w.sendDue();
                    Thread.sleep(200);
                }
                return sent;
            });
        }
        Rush.fireTasks(pollers);
        assertThat(settled.get()).as("all settled in time").isTrue();
        List<String> ids = references.stream().map(r -> "<outbox-" + codeMessage(r) + ".temujanji@localhost>").toList();
        return smtp.received().stream().filter(r -> ids.contains(r.messageId()))
                .collect(Collectors.groupingBy(SmtpStub.Received::messageId, Collectors.counting()));
    }

    private List<String> recipientsOf(String prefix) {
        return smtp.received().stream().map(SmtpStub.Received::recipient).filter(r -> r.startsWith(prefix)).toList();
    }

    private long codeMessage(String reference) {
        return jdbc.sql("SELECT id FROM outbox_message WHERE appointment_reference = ? AND kind = 'CONFIRMATION_CODE'")
                .param(reference).query(Long.class).single();
    }

    /** Books {@code count} appointments (each waiting for its code) for {@code prefix}N@example.my. */
    private List<String> book(int count, String prefix) {
        List<String> references = new ArrayList<>();
        while (references.size() < count) {
            JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + nextDay)
                    .json();
            if (!slots.isArray() || nextSlot >= slots.size()) {
                nextDay = nextDay.plusDays(1);
                nextSlot = 0;
                continue;
            }
            Map<String, Object> applicant = new HashMap<>(Applicants.myKadApplicant(Applicants.nextMyKad()));
            applicant.put("email", prefix + references.size() + "@example.my");
            Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                    "date", nextDay.toString(), "start", slots.get(nextSlot++).get("start").asString(),
                    "applicant", applicant), "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            references.add(booked.json().get("reference").asString());
        }
        return references;
    }
}
