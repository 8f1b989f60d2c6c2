package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.booking.internal.HoldSweeper;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rush of applicants at one slot, through two app nodes on one database: exactly as many succeed
 * as the slot has places. The same harness against a naive check-then-insert path (test code only)
 * shows that it would catch overbooking.
 */
@IntegrationTest
@Import(NaiveBookingEndpoint.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingConcurrencyTest {

    static final String BRANCH = "KTN-KOTA-BHARU";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 9, 15);
    static final int REQUESTS = 200;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    HoldSweeper sweeper;

    SecondNode secondNode;
    List<Http> nodes;

    @BeforeAll
    void startSecondNode() {
        secondNode = SecondNode.startBeside(environment, NaiveBookingEndpoint.class);
        nodes = List.of(new Http(port), new Http(secondNode.port()));
        jdbc.sql(NaiveBookingEndpoint.TABLE).update();
    }

    @AfterEach
    void resetClocks() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        secondNode.bean(MutableClock.class).set(TestClockConfiguration.DEFAULT_NOW);
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void twoHundredApplicantsRaceForThreePlacesAndOnePlaceAndExactlyThatManyWin() throws Exception {
        LocalTime three = slotStart(0);
        LocalTime one = slotStart(1);
        setCapacity(three, 3);
        setCapacity(one, 1);

        List<Http.Response> atThree = Rush.fire(REQUESTS, n -> book(n, three));
        List<Http.Response> atOne = Rush.fire(REQUESTS, n -> book(n, one));

        assertThat(overbooking(3, atThree, activeAppointments(three))).isEmpty();
        assertThat(overbooking(1, atOne, activeAppointments(one))).isEmpty();
        assertThat(codes(atThree)).containsOnly("201", "409 SLOT_FULL");
        assertThat(codes(atOne)).containsOnly("201", "409 SLOT_FULL");
        assertThat(jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, SERVICE, DAY, three).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theSameHarnessCatchesANaiveCheckThenInsertBooking() throws Exception {
        String slot = "naive-" + UUID.randomUUID();

        List<Http.Response> responses = Rush.fire(REQUESTS, n -> nodes.get(n % 2).postJson(
                "/api/test/naive-bookings?slot=" + slot + "&capacity=1&applicant=a" + n, "{}"));
        long rows = jdbc.sql("SELECT count(*) FROM naive_booking WHERE slot = ?").param(slot).query(Long.class).single();

        assertThat(overbooking(1, responses, rows)).isNotEmpty();
    }

    @Test
    void oneDocumentRacingForManySlotsGetsOneAppointment() throws Exception {
        String myKad = Applicants.nextMyKad();
        List<LocalTime> starts = new ArrayList<>();
        for (int i = 2; i < 12; i++) {
            starts.add(slotStart(i));
        }

        List<Http.Response> responses = Rush.fire(50, n -> nodes.get(n % 2).postJson("/api/v1/appointments",
                body(starts.get(n % starts.size()), myKad), "Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(codes(responses)).containsOnly("201", "409 ALREADY_BOOKED");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE document_number = ? AND status = 'CONFIRMED'")
                .param(myKad.replace("-", "")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT coalesce(sum(""" + SlotPlaces.taken("slot") + """
                        ), 0) FROM slot
                        WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time BETWEEN ? AND ?""")
                .params(BRANCH, SERVICE, DAY, starts.get(0), starts.get(starts.size() - 1)).query(Integer.class).single())
                .as("places taken by the losers were given back").isEqualTo(1);
    }

    @Test
    void oneRequestSentManyTimesAtOnceMakesOneAppointment() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = body(slotStart(12), Applicants.nextMyKad());

        List<Http.Response> responses = Rush.fire(30, n -> nodes.get(n % 2).postJson("/api/v1/appointments", body,
                "Idempotency-Key", key));

        assertThat(responses).allMatch(r -> r.status() == 201);
        assertThat(responses.stream().map(r -> r.json().get("reference").asString()).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE idempotency_key = ?").param("api:" + key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoNodesSweepingAtOnceGiveEachExpiredPlaceBackOnce() throws Exception {
        LocalTime start = slotStart(13);
        setCapacity(start, 40);
        for (int i = 0; i < 40; i++) {
            assertThat(nodes.get(i % 2).postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", SERVICE,
                    "date", DAY.toString(), "start", start.toString())).status()).isEqualTo(201);
        }
        clock.advance(Duration.ofMinutes(11));
        secondNode.bean(MutableClock.class).advance(Duration.ofMinutes(11));
        HoldSweeper other = secondNode.bean(HoldSweeper.class);

        List<Integer> released = Rush.fireTasks(List.of(sweeper::sweep, other::sweep, sweeper::sweep, other::sweep));

        assertThat(released.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, SERVICE, DAY, start).query(Integer.class).single()).isZero();
    }

    /**
     * What the booking promise forbids: more successes than places, a success without its row, a row
     * without its success. Empty when the promise held.
     */
    static List<String> overbooking(int capacity, List<Http.Response> responses, long rows) {
        long created = responses.stream().filter(r -> r.status() == 201).count();
        List<String> violations = new ArrayList<>();
        if (created > capacity) {
            violations.add(created + " answered 201 for " + capacity + " places");
        }
        if (rows > capacity) {
            violations.add(rows + " rows for " + capacity + " places");
        }
        if (rows != created) {
            violations.add(created + " answered 201 but " + rows + " rows");
        }
        if (created < capacity) {
            violations.add("only " + created + " of " + capacity + " places given while " + responses.size() + " asked");
        }
        return violations;
    }

    private Http.Response book(int n, LocalTime start) {
        return nodes.get(n % 2).postJson("/api/v1/appointments", body(start, Applicants.nextMyKad()),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Map<String, Object> body(LocalTime start, String myKad) {
        return Map.of("branch", BRANCH, "service", SERVICE, "date", DAY.toString(), "start", start.toString(),
                "applicant", Applicants.myKadApplicant(myKad));
    }

    private static List<String> codes(List<Http.Response> responses) {
        return responses.stream()
                .map(r -> r.status() == 201 ? "201" : r.status() + " " + r.json().path("code").asString())
                .toList();
    }

    private LocalTime slotStart(int index) {
        return LocalTime.parse(nodes.get(0).get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + DAY)
                .json().get(index).get("start").asString());
    }

    private void setCapacity(LocalTime start, int capacity) {
        jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(BRANCH, SERVICE, DAY, start, start.plusMinutes(15), capacity).update();
    }

    private long activeAppointments(LocalTime start) {
        return jdbc.sql("""
                        SELECT count(*) FROM appointment
                        WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ? AND status = 'CONFIRMED'""")
                .params(BRANCH, SERVICE, DAY, start).query(Long.class).single();
    }
}
