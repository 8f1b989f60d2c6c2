package my.gov.temujanji.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two officers at two counters on two nodes press call-next at the same instant until the queue is
 * empty: 500 numbers, every one called exactly once, each counter's in calling order (priority, then
 * arrival). The control calls with a read then a write instead of PostgreSQL's decision, and the same
 * check catches it calling numbers twice. PHG-UTC-KUANTAN on Tuesday 6 October 2026 (no other test is there).
 */
@IntegrationTest
class CallNextTwoNodesTest {

    static final String BRANCH = "PHG-UTC-KUANTAN";
    static final LocalDate DAY = LocalDate.of(2026, 10, 6);
    static final int NUMBERS = 500;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Environment environment;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void twoOfficersOnTwoNodesNeverCallTheSameNumberAndCallInOrder() throws Exception {
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account adminAccount = staff.branchAdmin(BRANCH);
        QueueFixture.configure(new Http(port).loginAs(adminAccount), BRANCH, 15, 3,
                Map.of(1, List.of("BKP"), 2, List.of("BKP")), Map.of("BKP", NUMBERS));
        LocalDateTime opening = DAY.atTime(8, 0);
        clock.set(opening);
        Http kiosk = QueueFixture.unlockedKiosk(port, adminAccount, BRANCH);
        for (int i = 0; i < NUMBERS; i++) {
            clock.advance(Duration.ofSeconds(1));
            // Every seventh asks for priority: those go first, by their own arrival.
            QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "BKP", i % 7 == 3 ? "OKU" : null));
        }
        List<Long> callingOrder = jdbc.sql("""
                SELECT id FROM queue_ticket WHERE branch_code = ? AND day = ? AND status = 'WAITING'
                ORDER BY (priority IS NULL), order_at, id""").params(BRANCH, DAY).query(Long.class).list();
        assertThat(callingOrder).hasSize(NUMBERS);

        try (SecondNode second = SecondNode.startBeside(environment)) {
            second.bean(MutableClock.class).set(opening.plusMinutes(10));
            clock.set(opening.plusMinutes(10));
            Http officer1 = new Http(port).loginAs(staff.officer(BRANCH));
            Http officer2 = new Http(second.port()).loginAs(staff.officer(BRANCH));
            String desk1 = QueueFixture.signIn(officer1, BRANCH, 1);
            String desk2 = QueueFixture.signIn(officer2, BRANCH, 2);

            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<List<Long>> atDesk1 = pool.submit(() -> work(new Http(port), desk1, start));
            Future<List<Long>> atDesk2 = pool.submit(() -> work(new Http(second.port()), desk2, start));
            List<List<Long>> calls = List.of(atDesk1.get(), atDesk2.get());
            pool.shutdown();

            assertThat(problems(calls, callingOrder)).isEmpty();
            assertThat(calls.get(0)).as("both counters called").isNotEmpty();
            assertThat(calls.get(1)).as("both counters called").isNotEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM queue_ticket WHERE branch_code = ? AND day = ? AND status = 'SERVED'")
                    .params(BRANCH, DAY).query(Integer.class).single()).isEqualTo(NUMBERS);
            assertThat(jdbc.sql("""
                    SELECT count(DISTINCT subject_id) FROM audit_entry
                    WHERE action = 'QUEUE_CALL' AND branch_code = ? AND subject_id LIKE 'P-%'""")
                    .param(BRANCH).query(Integer.class).single()).isEqualTo(NUMBERS);
        }

        // The control: the same two counters deciding by a read, then a write, both reading before either writes.
        jdbc.sql("UPDATE queue_ticket SET status = 'WAITING', counter_number = NULL WHERE branch_code = ? AND day = ?")
                .params(BRANCH, DAY).update();
        CyclicBarrier step = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<List<Long>> first = pool.submit(() -> readThenWrite(1, step));
        Future<List<Long>> second = pool.submit(() -> readThenWrite(2, step));
        List<List<Long>> controlCalls = List.of(first.get(), second.get());
        pool.shutdown();
        assertThat(problems(controlCalls, callingOrder)).as("the check sees numbers called twice")
                .anyMatch(p -> p.startsWith("called twice"));
    }

    /** Call next, then served, until no one waits; the ids this counter called, in order. */
    private static List<Long> work(Http api, String device, CyclicBarrier start) throws Exception {
        List<Long> called = new ArrayList<>();
        start.await();
        while (true) {
            Http.Response next = QueueFixture.callNext(api, device);
            if (next.status() == 409 && "QUEUE_EMPTY".equals(next.json().get("code").asString())) {
                return called;
            }
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            JsonNode ticket = next.json();
            called.add(Long.valueOf(ticket.get("id").asString()));
            assertThat(QueueFixture.served(api, device, ticket.get("id").asString()).status()).isEqualTo(200);
        }
    }

    private List<Long> readThenWrite(int counter, CyclicBarrier step) throws Exception {
        List<Long> called = new ArrayList<>();
        while (true) {
            Optional<Long> next = jdbc.sql("""
                    SELECT id FROM queue_ticket WHERE branch_code = ? AND day = ? AND status = 'WAITING'
                    ORDER BY (priority IS NULL), order_at, id LIMIT 1""").params(BRANCH, DAY).query(Long.class).optional();
            step.await();
            if (next.isEmpty()) {
                return called;
            }
            jdbc.sql("UPDATE queue_ticket SET status = 'SERVED', counter_number = ? WHERE id = ?")
                    .params(counter, next.get()).update();
            called.add(next.get());
            step.await();
        }
    }

    /** What is wrong with these calls: a number called twice or never, or a counter out of calling order. */
    private static List<String> problems(List<List<Long>> calls, List<Long> callingOrder) {
        List<String> problems = new ArrayList<>();
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < callingOrder.size(); i++) {
            rank.put(callingOrder.get(i), i);
        }
        Set<Long> seen = new HashSet<>();
        for (List<Long> counter : calls) {
            for (int i = 0; i < counter.size(); i++) {
                if (!seen.add(counter.get(i))) {
                    problems.add("called twice: " + counter.get(i));
                }
                if (i > 0 && rank.get(counter.get(i)) < rank.get(counter.get(i - 1))) {
                    problems.add("out of order: " + counter.get(i) + " after " + counter.get(i - 1));
                }
            }
        }
        if (!seen.equals(Set.copyOf(callingOrder))) {
            problems.add("never called: " + (callingOrder.size() - seen.size()));
        }
        return problems;
    }
}
