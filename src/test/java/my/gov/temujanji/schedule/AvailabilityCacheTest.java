package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Availability answers are kept for the configured moment, and never decide whether a place is free. */
@IntegrationTest
@TestPropertySource(properties = "temujanji.availability.cache-ttl=2s")
class AvailabilityCacheTest {

    static final String BRANCH = "JHR-JOHOR-BAHRU";
    static final LocalDate DAY = LocalDate.of(2026, 9, 29); // a Tuesday

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String service;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
    }

    @Test
    void aChangeShowsAfterTheCacheTimeAndTheInventoryIsNeverFooledByIt() {
        String slots = "/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + DAY;
        int capacity = http.get(slots).json().get(0).get("placesLeft").asInt();
        LocalTime start = LocalTime.parse(http.get(slots).json().get(0).get("start").asString());
        LocalTime end = LocalTime.parse(http.get(slots).json().get(0).get("end").asString());
        long slotId = jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(BRANCH, service, DAY, start, end, capacity).query(Long.class).single();
        SlotPlaces.take(jdbc, slotId, capacity);

        assertThat(http.get(slots).json().get(0).get("placesLeft").asInt()).as("still the cached answer").isEqualTo(capacity);
        Http.Response hold = http.postJson("/api/v1/holds",
                Map.of("branch", BRANCH, "service", service, "date", DAY.toString(), "start", start.toString()));
        assertThat(hold.status()).as("the inventory reads PostgreSQL, not the cache").isEqualTo(409);

        clock.advance(Duration.ofSeconds(2));
        assertThat(http.get(slots).json().get(0).get("placesLeft").asInt()).isZero();
    }
}
