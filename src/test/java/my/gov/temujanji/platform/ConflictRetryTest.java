package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Rush;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A real deadlock: two transactions lock the same two rows in opposite orders, meeting in the middle.
 * PostgreSQL rolls one back (40P01); without {@link RetryOnConflict} its caller gets the failure, with it
 * the victim's whole transaction runs again and both succeed.
 */
@IntegrationTest
@Import(ConflictRetryTest.Probes.class)
class ConflictRetryTest {

    @Autowired
    Probe probe;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void rows() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS retry_probe (id int PRIMARY KEY, n int NOT NULL)").update();
        jdbc.sql("TRUNCATE retry_probe").update();
        jdbc.sql("INSERT INTO retry_probe VALUES (1, 0), (2, 0)").update();
    }

    @Test
    void withoutTheRetryOneOfTwoDeadlockedTransactionsFails() throws Exception {
        List<Throwable> failures = deadlock(false);
        assertThat(failures).hasSize(1);
        assertThat(ConflictRetry.isConflict(failures.get(0))).as(String.valueOf(failures.get(0))).isTrue();
        assertThat(counts()).as("the victim's increments were rolled back").containsExactly(1, 1);
    }

    @Test
    void withTheRetryTheDeadlockVictimRunsAgainAndBothSucceed() throws Exception {
        assertThat(deadlock(true)).isEmpty();
        assertThat(counts()).containsExactly(2, 2);
        assertThat(probe.attempts()).as("two first attempts and one retry").isEqualTo(3);
    }

    private List<Throwable> deadlock(boolean retried) throws Exception {
        CyclicBarrier middle = new CyclicBarrier(2);
        probe.reset();
        List<Callable<Throwable>> both = new ArrayList<>();
        for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
            both.add(() -> {
                try {
                    if (retried) {
                        probe.retried(order[0], order[1], middle);
                    } else {
                        probe.once(order[0], order[1], middle);
                    }
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
        }
        return Rush.fireTasks(both).stream().filter(t -> t != null).toList();
    }

    private List<Integer> counts() {
        return jdbc.sql("SELECT n FROM retry_probe ORDER BY id").query(Integer.class).list();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        @Bean
        Probe probe(JdbcClient jdbc) {
            return new Probe(jdbc);
        }
    }

    static class Probe {

        // Read through methods: the test holds the proxy, whose own fields are not these.
        private final AtomicInteger attempts = new AtomicInteger();
        private final JdbcClient jdbc;

        Probe(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public void reset() {
            attempts.set(0);
        }

        public int attempts() {
            return attempts.get();
        }

        @RetryOnConflict
        @Transactional
        public void retried(int first, int second, CyclicBarrier middle) throws Exception {
            once(first, second, middle);
        }

        @Transactional
        public void once(int first, int second, CyclicBarrier middle) throws Exception {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            bump(first);
            if (firstAttempt) {
                middle.await(10, TimeUnit.SECONDS); // both hold their first row: the second locks cross
            }
            bump(second);
        }

        private void bump(int id) {
            jdbc.sql("UPDATE retry_probe SET n = n + 1 WHERE id = ?").param(id).update();
        }
    }
}
