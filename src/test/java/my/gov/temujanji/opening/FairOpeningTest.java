package my.gov.temujanji.opening;

import static my.gov.temujanji.opening.TicketClient.BRANCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.booking.confirmation.ConfirmationCodes;
import my.gov.temujanji.opening.TicketClient.Ticket;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.opening.internal.DrawOrder;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The draw and the admission order, on two nodes: tickets confirmed before the opening come out in an
 * order uncorrelated with their arrival, which anyone re-derives from the secret published after the
 * opening (and whose SHA-256 was shown before); tickets after the opening keep their arrival order.
 * Uses JHR-BATU-PAHAT's BKP (no other test does) and openings in September 2026.
 */
@IntegrationTest
class FairOpeningTest {

    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfirmationCodes codes;
    @Autowired
    Environment environment;

    Http http;
    Http other;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        node2 = SecondNode.startBeside(environment);
    }

    @AfterAll
    static void stopSecondNode() {
        node2.close();
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        other = new Http(node2.port());
        TicketClient.waitingRoom(jdbc, true);
    }

    @AfterEach
    void tearDown() {
        TicketClient.waitingRoom(jdbc, false);
        setClocks(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void ticketsBeforeTheOpeningAreDrawnVerifiablyAndLaterOnesQueueInArrivalOrder() {
        LocalDate openingDay = LocalDate.of(2026, 9, 1);
        setClocks(openingDay.atTime(7, 35));
        Ticket first = TicketClient.confirmed(http, other, jdbc, "draw-first@example.my");
        JsonNode before = TicketClient.status(other, first);
        assertThat(before.get("stage").asString()).isEqualTo("WAITING_FOR_DRAW");
        assertThat(before.get("secret").isNull()).as("no secret before the opening").isTrue();
        String publishedHash = before.get("secretSha256").asString();
        long release = TicketClient.releaseOf(jdbc, first);
        TicketClient.simulate(jdbc, release, 2_100, clock.instant().plusSeconds(1), "DRAW");
        Ticket last = TicketClient.confirmed(other, http, jdbc, "draw-last@example.my");

        setClocks(openingDay.atTime(8, 0));
        // The first request after the opening, on either node, draws; the other finds it drawn.
        JsonNode after = TicketClient.status(other, last);
        assertThat(after.get("stage").asString()).isIn("WAITING", "ADMITTED");
        assertThat(TicketClient.status(http, first).get("secret").asString()).isEqualTo(after.get("secret").asString());

        // Late tickets, alternating nodes, take the places after the drawn ones in the order they arrived.
        List<Ticket> late = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            setClocks(openingDay.atTime(8, 0, i + 1));
            late.add(TicketClient.confirmed(i % 2 == 0 ? http : other, i % 2 == 0 ? other : http, jdbc,
                    "draw-late-" + i + "@example.my"));
        }

        List<UUID> byArrival = jdbc.sql("SELECT id FROM opening_ticket WHERE release_id = ? AND position <= 2102 "
                + "ORDER BY confirmed_at, id").param(release).query(UUID.class).list();
        List<UUID> byAdmission = jdbc.sql("SELECT id FROM opening_ticket WHERE release_id = ? AND position <= 2102 "
                + "ORDER BY position").param(release).query(UUID.class).list();
        assertThat(byArrival).hasSize(2_102);
        double rho = spearman(byArrival, byAdmission);
        assertThat(Math.abs(rho)).as("rank correlation of arrival and admission").isLessThan(0.05);
        assertThat(spearman(byArrival, byArrival)).as("control: admission in arrival order is caught").isEqualTo(1.0);

        // Anyone can check: the secret matches the hash shown before, and it gives exactly this order.
        byte[] secret = HexFormat.of().parseHex(after.get("secret").asString());
        assertThat(DrawOrder.sha256(secret)).isEqualTo(publishedHash);
        assertThat(DrawOrder.order(secret, byArrival)).isEqualTo(byAdmission);

        List<Integer> latePositions = late.stream().map(t -> TicketClient.status(http, t).get("position").asInt())
                .toList();
        assertThat(latePositions).containsExactly(2_103, 2_104, 2_105, 2_106, 2_107, 2_108);
    }

    @Test
    void aHoldOfADayJustReleasedNeedsAPassThatWorksOnceAndOnlyForItsTicket() throws Exception {
        LocalDate openingDay = LocalDate.of(2026, 9, 2);
        LocalDate released = LocalDate.of(2026, 12, 2);
        setClocks(openingDay.atTime(7, 40));
        Ticket a = TicketClient.confirmed(http, other, jdbc, "pass-a@example.my");
        Ticket b = TicketClient.confirmed(other, http, jdbc, "pass-b@example.my");
        TicketClient.simulate(jdbc, TicketClient.releaseOf(jdbc, a), 500, clock.instant(), "PASSQ");

        setClocks(openingDay.atTime(8, 0));
        assertThat(code(TicketClient.hold(http, released, "08:00", null, null))).isEqualTo("PASS_REQUIRED");
        assertThat(TicketClient.hold(other, released.minusDays(1), "08:00", null, null).status())
                .as("a day released earlier is booked as always").isEqualTo(201);
        Http.Response direct = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service",
                TicketClient.SERVICE, "date", released.toString(), "start", "08:15", "applicant",
                Applicants.myKadApplicant(Applicants.nextMyKad())), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(code(direct)).as("booking a slot directly needs the pass too").isEqualTo("PASS_REQUIRED");
        Ticket late = TicketClient.confirmed(http, other, jdbc, "pass-late@example.my");
        JsonNode waiting = TicketClient.status(other, late);
        assertThat(waiting.get("stage").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("position").asInt()).isEqualTo(503);
        assertThat(waiting.get("ahead").asInt()).isEqualTo(503 - 20 - 1);
        assertThat(waiting.get("pass").isNull()).isTrue();

        setClocks(openingDay.atTime(8, 1));
        String passA = TicketClient.status(http, a).get("pass").asString();
        String passB = TicketClient.status(other, b).get("pass").asString();
        assertThat(code(TicketClient.hold(http, released, "08:00", passA, b.token())))
                .as("a pass works only with its own ticket's token").isEqualTo("PASS_INVALID");
        String forged = passA.substring(0, passA.length() - 2) + (passA.endsWith("AA") ? "BB" : "AA");
        assertThat(code(TicketClient.hold(http, released, "08:00", forged, a.token()))).isEqualTo("PASS_INVALID");
        assertThat(TicketClient.hold(other, released, "08:00", passA, a.token()).status()).isEqualTo(201);
        assertThat(code(TicketClient.hold(http, released, "08:15", passA, a.token()))).isEqualTo("PASS_USED");
        assertThat(TicketClient.status(http, a).get("stage").asString()).isEqualTo("USED");

        // Ten holds at once with one pass, on both nodes: one place.
        List<Http.Response> rush = Rush.fire(10, i -> TicketClient.hold(i % 2 == 0 ? http : other, released,
                java.time.LocalTime.of(9, 0).plusMinutes(15L * i).toString(), passB, b.token()));
        assertThat(rush).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(rush).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(code(r)).isEqualTo("PASS_USED"));

        // An admitted ticket's pass runs out; a late ticket still waiting has none.
        String passLate = TicketClient.status(http, late).get("pass").asString();
        setClocks(openingDay.atTime(8, 11, 1));
        assertThat(TicketClient.status(http, late).get("stage").asString()).isEqualTo("EXPIRED");
        assertThat(code(TicketClient.hold(other, released, "10:00", passLate, late.token()))).isEqualTo("PASS_INVALID");
    }

    @Test
    void aClientWithAHundredConnectionsAtTheOpeningGetsThePlacesOfOneTicketBehindThoseWhoJoinedBefore()
            throws Exception {
        LocalDate openingDay = LocalDate.of(2026, 9, 3);
        LocalDate released = LocalDate.of(2026, 12, 3);
        setClocks(openingDay.atTime(7, 35));
        Ticket early = TicketClient.confirmed(http, other, jdbc, "rush-early@example.my");
        long release = TicketClient.releaseOf(jdbc, early);
        // 1,000 ordinary applicants join over the minutes before the opening.
        for (int minute = 0; minute < 10; minute++) {
            setClocks(openingDay.atTime(7, 40 + minute));
            TicketClient.simulate(jdbc, release, 100, clock.instant(), "RUSH" + minute + "X");
        }

        setClocks(openingDay.atTime(8, 0));
        String myKad = Applicants.nextMyKad();
        String botMail = "bot@example.my";
        List<java.util.concurrent.Callable<Http.Response>> connections = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Http node = i % 2 == 0 ? http : other;
            String start = java.time.LocalTime.of(8, 0).plusMinutes(15L * (i % 30)).toString();
            connections.add(i % 2 == 0 ? () -> TicketClient.join(node, myKad, botMail)
                    : () -> TicketClient.hold(node, released, start, null, null));
        }
        List<Http.Response> answers = Rush.fireTasks(connections);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 403, 409));
        assertThat(answers).filteredOn(r -> r.status() == 201)
                .allSatisfy(r -> assertThat(r.json().has("ticketId")).as("only tickets, never a hold").isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM opening_ticket WHERE document_number = ?")
                .param(DocumentNumbers.normalise(myKad))
                .query(Integer.class).single()).as("one ticket per document").isEqualTo(1);

        Ticket bot = botTicket(answers, release, DocumentNumbers.normalise(myKad));
        Http.Response confirmed = TicketClient.confirm(other, bot, botCode(release, DocumentNumbers.normalise(myKad),
                botMail));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("position").asInt()).as("behind everyone who joined before").isEqualTo(1_002);

        setClocks(openingDay.atTime(8, 1));
        String pass = TicketClient.status(http, bot).get("pass").asString();
        List<Http.Response> holds = Rush.fire(100, i -> TicketClient.hold(i % 2 == 0 ? http : other, released,
                java.time.LocalTime.of(8, 0).plusMinutes(15L * (i % 30)).toString(), pass, bot.token()));
        assertThat(holds).filteredOn(r -> r.status() == 201).as("the places of one ticket").hasSize(1);
        assertThat(holds).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(code(r)).isEqualTo("PASS_USED"));
    }

    @Test
    void aNodeStoppedInTheMiddleOfTheReleaseLosesNoTicketAndTheDrawSkipsNoOne() throws Exception {
        LocalDate openingDay = LocalDate.of(2026, 9, 4);
        setClocks(openingDay.atTime(7, 45));
        SecondNode node3 = SecondNode.startBeside(environment);
        node3.bean(MutableClock.class).set(openingDay.atTime(7, 45));
        Http third = new Http(node3.port());
        List<java.util.concurrent.Callable<Ticket>> applicants = new ArrayList<>();
        java.util.concurrent.CountDownLatch someConfirmed = new java.util.concurrent.CountDownLatch(15);
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 60; i++) {
            String email = "node-" + i + "@example.my";
            Http confirmOn = i % 2 == 0 ? third : http;
            applicants.add(() -> {
                try {
                    Ticket ticket = TicketClient.joined(third, email);
                    Http.Response confirmed = TicketClient.confirm(confirmOn, ticket, TicketClient.codeFor(jdbc, email));
                    if (confirmed.status() != 200) {
                        refusals.add(confirmed.body());
                        return null;
                    }
                    someConfirmed.countDown();
                    return ticket;
                } catch (Exception | AssertionError lost) {
                    refusals.add(lost.toString());
                    return null; // the node went away: this applicant was told nothing, and tries again
                }
            });
        }
        // The third node stops while the others are still joining through it.
        applicants.add(() -> {
            someConfirmed.await(60, java.util.concurrent.TimeUnit.SECONDS);
            node3.close();
            return null;
        });
        List<Ticket> acknowledged = Rush.fireTasks(applicants).stream().filter(java.util.Objects::nonNull).toList();
        assertThat(acknowledged).as(refusals.toString()).hasSizeGreaterThanOrEqualTo(15);
        long release = TicketClient.releaseOf(jdbc, acknowledged.get(0));
        for (Ticket ticket : acknowledged) {
            assertThat(TicketClient.status(other, ticket).get("stage").asString()).isEqualTo("WAITING_FOR_DRAW");
        }

        setClocks(openingDay.atTime(8, 0));
        TicketClient.status(other, acknowledged.get(0));
        List<Integer> positions = jdbc.sql("SELECT position FROM opening_ticket WHERE release_id = ? "
                + "AND confirmed_at IS NOT NULL ORDER BY position").param(release).query(Integer.class).list();
        assertThat(positions).as("every confirmed ticket drawn, none skipped")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, positions.size()).boxed().toList());
        setClocks(openingDay.atTime(8, 1));
        for (Ticket ticket : acknowledged) {
            assertThat(TicketClient.status(http, ticket).get("stage").asString()).isEqualTo("ADMITTED");
        }
    }

    /** Of the bot's answers, the ticket whose token the row kept (the join that committed last). */
    private Ticket botTicket(List<Http.Response> answers, long release, String myKad) {
        String kept = jdbc.sql("SELECT client_hash FROM opening_ticket WHERE release_id = ? AND document_number = ?")
                .params(release, myKad).query(String.class).single();
        return answers.stream().filter(r -> r.status() == 201)
                .map(r -> new Ticket(UUID.fromString(r.json().get("ticketId").asString()),
                        r.json().get("ticketToken").asString()))
                .filter(t -> DrawOrder.sha256(t.token().getBytes(java.nio.charset.StandardCharsets.UTF_8)).equals(kept))
                .findFirst().orElseThrow();
    }

    /** Of the codes e-mailed to the bot, the one the row's hash is of. */
    private String botCode(long release, String myKad, String email) {
        String kept = jdbc.sql("SELECT code_hash FROM opening_ticket WHERE release_id = ? AND document_number = ?")
                .params(release, myKad).query(String.class).single();
        return jdbc.sql("SELECT secret FROM outbox_message WHERE kind = 'TICKET_CODE' AND recipient = ?").param(email)
                .query(String.class).list().stream()
                .filter(code -> codes.hash("ticket:" + release + ":MYKAD:" + myKad, code).equals(kept))
                .findFirst().orElseThrow();
    }

    private static String code(Http.Response response) {
        return response.json().get("code").asString();
    }

    /** Spearman's rank correlation between two orders of the same tickets. */
    private static double spearman(List<UUID> a, List<UUID> b) {
        java.util.Map<UUID, Integer> rankInB = new java.util.HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            rankInB.put(b.get(i), i);
        }
        double n = a.size();
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = i - rankInB.get(a.get(i));
            sum += d * d;
        }
        return 1 - 6 * sum / (n * (n * n - 1));
    }

    private void setClocks(LocalDateTime now) {
        clock.set(now);
        node2.bean(MutableClock.class).set(now);
    }
}
