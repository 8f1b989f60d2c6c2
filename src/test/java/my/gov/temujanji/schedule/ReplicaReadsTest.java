package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reads from replicas: the "replica" is the test database seen through a schema holding a copy of the
 * tables the days and slots are read from, taken when the test says, so it lags like a replica does.
 */
@IntegrationTest
@TestPropertySource(properties = "temujanji.datasource.replica.url=${spring.datasource.url}&currentSchema=replica_copy")
class ReplicaReadsTest {

    static final String BRANCH = "KTN-KOTA-BHARU";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 9, 24); // a Thursday no other test books
    static final LocalTime START = LocalTime.of(8, 0);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @AfterEach
    void dropTheCopy() {
        jdbc.sql("DROP SCHEMA IF EXISTS replica_copy CASCADE").update();
    }

    @Test
    void daysAndSlotsComeFromTheReplicaAndABookingAfterItsStaleFreeAnswerIsRefused() {
        jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, 1)""")
                .params(BRANCH, SERVICE, DAY, START, START.plusMinutes(15)).update();
        replicate();
        int dayPlaces = dayPlacesLeft();

        Http.Response first = book(Applicants.nextMyKad());
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        // The replica has not seen the booking yet: the place still shows as free, the day as before.
        assertThat(placesLeft()).isOne();
        assertThat(dayPlacesLeft()).isEqualTo(dayPlaces);
        Http.Response second = book(Applicants.nextMyKad());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM public.slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, SERVICE, DAY, START).query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SELECT (SELECT count(*) FROM replica_copy.slot_place p WHERE p.slot_id = slot.id AND p.taken) FROM replica_copy.slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, SERVICE, DAY, START).query(Integer.class).single()).isZero();

        replicate();
        assertThat(placesLeft()).isZero();
        assertThat(dayPlacesLeft()).isEqualTo(dayPlaces - 1);
    }

    /** The replica catches up: a fresh copy of what the days and slots are computed from. */
    private void replicate() {
        jdbc.sql("DROP SCHEMA IF EXISTS replica_copy CASCADE").update();
        jdbc.sql("CREATE SCHEMA replica_copy").update();
        for (String table : new String[] {"slot", "slot_place", "opening_hours", "state_weekend", "branch", "closure", "closure_state"}) {
            jdbc.sql("CREATE TABLE replica_copy." + table + " AS SELECT * FROM public." + table).update();
        }
    }

    private Http.Response book(String myKad) {
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date", DAY.toString(),
                "start", START.toString(), "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private int placesLeft() {
        for (JsonNode slot : http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + DAY).json()) {
            if (slot.get("start").asString().equals(START.toString())) {
                return slot.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot at " + START);
    }

    private int dayPlacesLeft() {
        return http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/days?from=" + DAY + "&to=" + DAY)
                .json().get(0).get("placesLeft").asInt();
    }
}
