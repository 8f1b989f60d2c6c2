package my.gov.temujanji.waitlist;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control for the waitlist's concurrency test, in test code only: the classic read-then-write
 * offer (read the first waiting entry, then mark it offered) that gives two places to one entry when
 * two are given back at once.
 */
@TestConfiguration(proxyBeanMethods = false)
class NaiveOfferEndpoint {

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS naive_waitlist (queue_number int PRIMARY KEY, offered_place int);
            CREATE TABLE IF NOT EXISTS naive_place (id int GENERATED ALWAYS AS IDENTITY)""";

    @RestController
    static class Controller {

        private final JdbcClient jdbc;

        Controller(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/api/test/naive-offers")
        Map<String, Integer> offer() throws InterruptedException {
            int place = jdbc.sql("INSERT INTO naive_place DEFAULT VALUES RETURNING id").query(Integer.class).single();
            int first = jdbc.sql("SELECT min(queue_number) FROM naive_waitlist WHERE offered_place IS NULL")
                    .query(Integer.class).single();
            Thread.sleep(50); // the work a real offer does between its read and its write, under load
            jdbc.sql("UPDATE naive_waitlist SET offered_place = ? WHERE queue_number = ?").params(place, first).update();
            return Map.of("entry", first);
        }
    }
}
