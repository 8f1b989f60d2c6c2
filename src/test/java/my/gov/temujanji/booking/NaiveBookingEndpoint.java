package my.gov.temujanji.booking;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control for the concurrency test, in test code only: the classic check-then-insert booking
 * (count the places taken, then insert if one seemed free) that double-books under concurrency.
 */
@TestConfiguration(proxyBeanMethods = false)
class NaiveBookingEndpoint {

    static final String TABLE = "CREATE TABLE IF NOT EXISTS naive_booking (slot text NOT NULL, applicant text NOT NULL)";

    @RestController
    static class Controller {

        private final JdbcClient jdbc;

        Controller(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/api/test/naive-bookings")
        ResponseEntity<Map<String, String>> book(@RequestParam String slot, @RequestParam int capacity,
                @RequestParam String applicant) throws InterruptedException {
            long taken = jdbc.sql("SELECT count(*) FROM naive_booking WHERE slot = ?").param(slot).query(Long.class).single();
            if (taken >= capacity) {
                return ResponseEntity.status(409).body(Map.of("code", "SLOT_FULL"));
            }
            Thread.sleep(50); // the work a real booking does between its check and its insert, under load
            jdbc.sql("INSERT INTO naive_booking (slot, applicant) VALUES (?, ?)").params(slot, applicant).update();
            return ResponseEntity.status(201).body(Map.of("reference", applicant));
        }
    }
}
