package my.gov.temujanji.opening;

import static my.gov.temujanji.opening.TicketClient.BRANCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import my.gov.temujanji.opening.TicketClient.Ticket;
import my.gov.temujanji.opening.internal.DrawOrder;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
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
class OpeningDrawTest {

    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

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
