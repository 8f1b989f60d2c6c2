package my.gov.temujanji.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The daily walk-in cap per type, decided by PostgreSQL while many kiosk presses arrive at once.
 * PRK-UTC-IPOH on Wednesday 7 October 2026 (no other test is there).
 */
@IntegrationTest
class WalkInCapTest {

    static final String BRANCH = "PRK-UTC-IPOH";
    static final LocalDate DAY = LocalDate.of(2026, 10, 7);
    static final int CAP = 10;
    static final int PRESSES = 40;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void fortyConcurrentPressesGetExactlyTheCapsTenNumbers() throws Exception {
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account admin = staff.branchAdmin(BRANCH);
        QueueFixture.configure(new Http(port).loginAs(admin), BRANCH, 15, 3, Map.of(), Map.of("BKP", CAP));
        clock.set(DAY.atTime(8, 30));
        Http kiosk = QueueFixture.unlockedKiosk(port, admin, BRANCH);
        kiosk.get("/kiosk/" + BRANCH);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> presses = new ArrayList<>();
        for (int i = 0; i < PRESSES; i++) {
            presses.add(pool.submit(() -> {
                go.await();
                return QueueFixture.walkIn(kiosk, BRANCH, "BKP", null).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> press : presses) {
            statuses.add(press.get());
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 303).count()).isEqualTo(CAP);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(PRESSES - CAP);
        assertThat(jdbc.sql("SELECT number FROM queue_ticket WHERE branch_code = ? AND day = ? ORDER BY number")
                .params(BRANCH, DAY).query(Integer.class).list())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Http.Response full = QueueFixture.walkIn(kiosk, BRANCH, "BKP", null);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body()).contains("Nombor tanpa temujanji untuk urusniaga ini sudah habis hari ini.");
        // A type the branch takes no walk-ins for is not offered at all.
        assertThat(QueueFixture.walkIn(kiosk, BRANCH, "VPP", null).status()).isEqualTo(400);
    }
}
