package my.gov.temujanji.fairaccess;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control for the rate limits' concurrency test, in test code only: a counter read, then written
 * back one higher, in two statements, which lets more requests through than the limit under concurrency.
 */
@TestConfiguration(proxyBeanMethods = false)
class NaiveRateLimitEndpoint {

    @RestController
    static class Controller {

        private final JdbcClient jdbc;

        Controller(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/api/test/naive-rate-limit")
        ResponseEntity<Map<String, String>> count(@RequestParam String key, @RequestParam int limit)
                throws InterruptedException {
            int used = jdbc.sql("SELECT coalesce((SELECT used FROM rate_limit_window WHERE key = ?), 0)").param(key)
                    .query(Integer.class).single();
            if (used >= limit) {
                return ResponseEntity.status(429).body(Map.of("code", "RATE_LIMITED"));
            }
            Thread.sleep(50); // the work between the read and the write, under load
            jdbc.sql("""
                            INSERT INTO rate_limit_window (key, started_at, used) VALUES (?, now(), ?)
                            ON CONFLICT (key) DO UPDATE SET used = excluded.used""")
                    .params(key, used + 1).update();
            return ResponseEntity.ok(Map.of("code", "COUNTED"));
        }
    }
}
