package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.OpenPlaces;
import my.gov.temujanji.support.SqlTrace;
import my.gov.temujanji.support.SqlTrace.Cost;
import my.gov.temujanji.support.SqlTrace.Traced;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What one request of a rush costs the database, as the benchmark sends it (POST /api/v1/appointments
 * naming a slot, confirmation by e-mail on): the booking that gets a place, and the refusal of one who
 * comes after the last place went, which is most of a rush. Counted from the JDBC driver's protocol
 * log (see {@link SqlTrace}); {@code bench/notes.md} gives the counts before and after. Uses
 * KTN-RANTAU-PANJANG (no other test does).
 */
@IntegrationTest
@TestPropertySource(properties = ConfirmationTest.CONFIRMATION_ON)
class BookingCostTest {

    static final String BRANCH = "KTN-RANTAU-PANJANG";
    static final String SERVICE = "BKP";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aBookingAndARefusalCostWhatTheNotesSay() {
        LocalDate day = OpenPlaces.openDays(http, BRANCH, SERVICE).get(2);
        LocalTime start = LocalTime.parse(OpenPlaces.slots(http, BRANCH, SERVICE, day).get(0).get("start").asString());
        jdbc.sql("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) VALUES (?, ?, ?, ?, ?, 1)")
                .params(BRANCH, SERVICE, day, start, start.plusMinutes(15)).update();
        // Once first, so that neither counted request is the first the node serves.
        LocalTime warm = LocalTime.parse(OpenPlaces.slots(http, BRANCH, SERVICE, day).get(1).get("start").asString());
        assertThat(book(day, warm).status()).isEqualTo(201);

        Traced<Http.Response> booking = SqlTrace.during(meters, () -> book(day, start));
        Traced<Http.Response> refusal = SqlTrace.during(meters, () -> book(day, start));

        assertThat(booking.result().status()).isEqualTo(201);
        assertThat(booking.result().json().get("status").asString()).isEqualTo("PENDING");
        assertThat(refusal.result().status()).isEqualTo(409);
        assertThat(refusal.result().json().get("code").asString()).isEqualTo("SLOT_FULL");
        print("booking", booking.cost());
        print("refusal", refusal.cost());
        // Round trips, statements (COMMIT apart), transactions, connections taken from the pool.
        assertThat(booking.cost().counts()).containsExactly(13, 12, 1, 2);
        assertThat(refusal.cost().counts()).containsExactly(1, 1, 0, 1);
    }

    @Test
    void aHoldAndItsRefusalCostWhatTheNotesSay() {
        LocalDate day = OpenPlaces.openDays(http, BRANCH, SERVICE).get(3);
        JsonNode slots = OpenPlaces.slots(http, BRANCH, SERVICE, day);
        LocalTime start = LocalTime.parse(slots.get(0).get("start").asString());
        jdbc.sql("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) VALUES (?, ?, ?, ?, ?, 1)")
                .params(BRANCH, SERVICE, day, start, start.plusMinutes(15)).update();
        assertThat(hold(day, LocalTime.parse(slots.get(1).get("start").asString())).status()).isEqualTo(201);

        Traced<Http.Response> hold = SqlTrace.during(meters, () -> hold(day, start));
        Traced<Http.Response> refusal = SqlTrace.during(meters, () -> hold(day, start));

        assertThat(hold.result().status()).isEqualTo(201);
        assertThat(refusal.result().status()).isEqualTo(409);
        assertThat(refusal.result().json().get("code").asString()).isEqualTo("SLOT_FULL");
        print("hold", hold.cost());
        print("hold refusal", refusal.cost());
        assertThat(hold.cost().counts()).containsExactly(9, 8, 1, 2);
        assertThat(refusal.cost().counts()).containsExactly(1, 1, 0, 1);
    }

    private Http.Response hold(LocalDate day, LocalTime start) {
        return http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(),
                "start", start.toString()));
    }

    private Http.Response book(LocalDate day, LocalTime start) {
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(),
                "start", start.toString(), "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static void print(String what, Cost cost) {
        System.out.println("COST " + what + ": " + cost);
        cost.sql().forEach(s -> System.out.println("COST   " + s));
    }
}
