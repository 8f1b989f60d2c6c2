package my.gov.temujanji.fairaccess;

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
import my.gov.temujanji.support.SqlTrace.Traced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What the gates of a booking request (the rate limits by address and by document, the proof-of-work
 * challenge) cost the database, as production runs them: the refusal of a request for a full slot, the
 * most common request of a rush, with the gates on ({@code bench/run} turns them off). The context of
 * {@link FairAccessTest}; uses KTN-RANTAU-PANJANG's second open day (as BookingCostTest, another day).
 */
@IntegrationTest
@TestPropertySource(properties = {FairAccessTest.RATE_LIMITS_ON, FairAccessTest.CHALLENGE_ON,
    FairAccessTest.PROXY, FairAccessTest.HOLDS, FairAccessTest.LOOKUPS_ADDRESS, FairAccessTest.LOOKUPS_DOCUMENT,
    FairAccessTest.LOGINS})
class GateCostTest {

    static final String BRANCH = "KTN-RANTAU-PANJANG";
    static final String SERVICE = "BKP";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRefusalWithTheGatesOnCostsWhatTheNotesSay() {
        Http http = new Http(port);
        LocalDate day = OpenPlaces.openDays(http, BRANCH, SERVICE).get(1);
        LocalTime start = LocalTime.parse(OpenPlaces.slots(http, BRANCH, SERVICE, day).get(0).get("start").asString());
        jdbc.sql("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) VALUES (?, ?, ?, ?, ?, 0)")
                .params(BRANCH, SERVICE, day, start, start.plusMinutes(15)).update();
        String challenge = FairAccessTest.solve(http.get("/api/v1/challenge").json());
        String warm = FairAccessTest.solve(http.get("/api/v1/challenge").json());
        assertThat(book(http, day, start, warm, "203.0.200.1").status()).isEqualTo(409);

        Traced<Http.Response> refusal = SqlTrace.during(meters, () -> book(http, day, start, challenge, "203.0.200.2"));

        assertThat(refusal.result().status()).isEqualTo(409);
        assertThat(refusal.result().json().get("code").asString()).isEqualTo("SLOT_FULL");
        System.out.println("COST gated refusal: " + refusal.cost());
        refusal.cost().sql().forEach(s -> System.out.println("COST   " + s));
        // The two limits in one statement, the solution recorded, the slot seen full: three reads or writes,
        // each on its own connection, no transaction. Round trips, statements, transactions, connections taken.
        assertThat(refusal.cost().counts()).containsExactly(3, 3, 0, 3);
    }

    private static Http.Response book(Http http, LocalDate day, LocalTime start, String altcha, String address) {
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(),
                "start", start.toString(), "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString(), "Altcha", altcha, "X-Forwarded-For", address);
    }
}
