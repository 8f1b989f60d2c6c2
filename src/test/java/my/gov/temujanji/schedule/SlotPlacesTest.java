package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.OpenPlaces;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One row per place (issue 16): bookings of one slot through two nodes take exactly its places, and a
 * booking does not wait for another booking of the slot to commit, except for the last place, which it
 * waits for rather than refuse while that booking may still roll back. The control, a take that picks a
 * free row before locking it (test code only), shows the harness catches two bookings of one place.
 */
@IntegrationTest
@Import(SlotPlacesTest.NaivePlaceTake.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotPlacesTest {

    static final String BRANCH = "PRK-TAIPING";
    static final String SERVICE = "BKP";

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    SecondNode secondNode;
    List<Http> nodes;
    LocalDate day;
    List<LocalTime> starts;

    @BeforeAll
    void startSecondNode() {
        secondNode = SecondNode.startBeside(environment, NaivePlaceTake.class);
        nodes = List.of(new Http(port), new Http(secondNode.port()));
        List<LocalDate> open = OpenPlaces.openDays(nodes.get(0), BRANCH, SERVICE);
        day = open.get(open.size() - 1);
        starts = new ArrayList<>();
        OpenPlaces.slots(nodes.get(0), BRANCH, SERVICE, day).forEach(s -> starts.add(LocalTime.parse(s.get("start").asString())));
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void sixtyFourBookingsOnTwoNodesTakeExactlyTheTwentyPlacesOfOneSlot() throws Exception {
        LocalTime start = starts.get(0);
        long slotId = slot(start, 20);

        List<Http.Response> responses = Rush.fire(64, n -> nodes.get(n % 2).postJson("/api/v1/appointments",
                Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(), "start", start.toString(),
                        "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString()));

        long created = responses.stream().filter(r -> r.status() == 201).count();
        assertThat(responses).allMatch(r -> r.status() == 201
                || r.status() == 409 && r.json().get("code").asString().equals("SLOT_FULL"));
        assertThat(doubleTaken(20, created, taken(slotId))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE slot_id = ? AND status IN ('PENDING', 'CONFIRMED')")
                .param(slotId).query(Long.class).single()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM slot_place WHERE slot_id = ?").param(slotId).query(Long.class).single())
                .as("one row per place, as many as the capacity").isEqualTo(20);
        assertThat(placesLeft(start)).isZero();
    }

    @Test
    void theSameHarnessCatchesATakeThatPicksAFreePlaceBeforeLockingIt() throws Exception {
        long slotId = slot(starts.get(1), 20);

        List<Http.Response> responses = Rush.fire(64, n -> nodes.get(n % 2).postJson(
                "/api/test/naive-place-takes?slot=" + slotId, "{}"));

        long created = responses.stream().filter(r -> r.status() == 201).count();
        assertThat(doubleTaken(20, created, taken(slotId))).isNotEmpty();
    }

    @Test
    void aBookingDoesNotWaitForAnotherBookingOfTheSlotToCommitButWaitsForItsLastPlace() throws Exception {
        LocalTime start = starts.get(2);
        long slotId = slot(start, 2);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            takeOnePlace(other, slotId); // a booking of the slot, not committed yet

            CompletableFuture<Http.Response> second = CompletableFuture.supplyAsync(() -> book(start));
            assertThat(second.get(10, TimeUnit.SECONDS).status()).as("the other free place, at once").isEqualTo(201);

            CompletableFuture<Http.Response> third = CompletableFuture.supplyAsync(() -> book(start));
            Thread.sleep(1000);
            assertThat(third).as("the last place is the uncommitted booking's: waited for, not refused").isNotDone();
            other.rollback();
            assertThat(third.get(10, TimeUnit.SECONDS).status()).as("rolled back: the place is this one's").isEqualTo(201);
        }
        assertThat(taken(slotId)).isEqualTo(2);
    }

    /** What one row per place forbids: more successes than places, or a success without its place. */
    static List<String> doubleTaken(int capacity, long created, long taken) {
        List<String> violations = new ArrayList<>();
        if (created > capacity) {
            violations.add(created + " answered 201 for " + capacity + " places");
        }
        if (created != taken) {
            violations.add(created + " answered 201 but " + taken + " places taken");
        }
        if (created < capacity) {
            violations.add("only " + created + " of " + capacity + " places given");
        }
        return violations;
    }

    private Http.Response book(LocalTime start) {
        return nodes.get(1).postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                        "date", day.toString(), "start", start.toString(),
                        "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static void takeOnePlace(Connection connection, long slotId) throws Exception {
        try (PreparedStatement take = connection.prepareStatement("""
                UPDATE slot_place SET taken = true WHERE id = (
                    SELECT id FROM slot_place WHERE slot_id = ? AND NOT taken LIMIT 1 FOR UPDATE SKIP LOCKED)""")) {
            take.setLong(1, slotId);
            assertThat(take.executeUpdate()).isOne();
        }
    }

    private long slot(LocalTime start, int capacity) {
        LocalTime end = LocalTime.parse(OpenPlaces.slots(nodes.get(0), BRANCH, SERVICE, day).get(starts.indexOf(start))
                .get("end").asString());
        return jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(BRANCH, SERVICE, day, start, end, capacity).query(Long.class).single();
    }

    private long taken(long slotId) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE id = ?").param(slotId)
                .query(Long.class).single();
    }

    private int placesLeft(LocalTime start) {
        for (var s : OpenPlaces.slots(nodes.get(1), BRANCH, SERVICE, day)) {
            if (LocalTime.parse(s.get("start").asString()).equals(start)) {
                return s.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot at " + start);
    }

    /** The control: a free place row read first and taken by its id afterwards, without a lock between. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NaivePlaceTake {

        @RestController
        static class Controller {

            private final JdbcClient jdbc;

            Controller(JdbcClient jdbc) {
                this.jdbc = jdbc;
            }

            @PostMapping("/api/test/naive-place-takes")
            ResponseEntity<Map<String, String>> take(@RequestParam long slot) throws InterruptedException {
                Long free = jdbc.sql("SELECT id FROM slot_place WHERE slot_id = ? AND NOT taken ORDER BY id LIMIT 1")
                        .param(slot).query(Long.class).optional().orElse(null);
                if (free == null) {
                    return ResponseEntity.status(409).body(Map.of("code", "SLOT_FULL"));
                }
                Thread.sleep(50); // the booking's other writes between the read and the update, under load
                jdbc.sql("UPDATE slot_place SET taken = true WHERE id = ?").param(free).update();
                return ResponseEntity.status(201).body(Map.of("place", free.toString()));
            }
        }
    }
}
