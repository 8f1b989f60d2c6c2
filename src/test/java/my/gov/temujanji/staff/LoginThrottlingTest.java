package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed logins count in PostgreSQL, so that two nodes behind a load balancer count them together, per
 * username and client address (tests without X-Forwarded-For all come from 127.0.0.1, our proxy here).
 */
@IntegrationTest
@TestPropertySource(properties = LoginThrottlingTest.PROXY)
class LoginThrottlingTest {

    static final String PROXY = "temujanji.rate-limit.trusted-proxies=127.0.0.1";

    static SecondNode secondNode;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    StaffFixture staff;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        secondNode = SecondNode.startBeside(environment, java.util.List.of(PROXY));
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    @BeforeEach
    void setUp() {
        staff = new StaffFixture(jdbc, passwords);
        setClocks();
    }

    @Test
    void fiveFailuresOnTwoNodesLockTheAccountForFifteenMinutes() {
        StaffFixture.Account officer = staff.officer("PRK-TAIPING");
        Http first = new Http(port);
        Http second = new Http(secondNode.port());
        for (int i = 0; i < 2; i++) {
            assertThat(first.login(officer.username(), "wrong-" + i).body()).contains("tidak betul");
        }
        for (int i = 2; i < 4; i++) {
            assertThat(second.login(officer.username(), "wrong-" + i).body()).contains("tidak betul");
        }
        Http.Response fifth = first.login(officer.username(), "wrong-5");
        assertThat(fifth.body()).contains("Akaun ini dikunci sementara", "Cuba lagi selepas jam 09:15");

        // Locked: even the right password is refused, on either node, and in English on request.
        assertThat(second.login(officer.username(), officer.password()).status()).isEqualTo(200);
        assertThat(new Http(port).login(officer.username().toUpperCase(), officer.password()).body())
                .contains("Akaun ini dikunci sementara");
        assertThat(new Http(secondNode.port()).get("/staff/login?lang=en").status()).isEqualTo(200);
        assertThat(second.login(officer.username(), officer.password()).body()).contains("dikunci");

        advanceClocks(Duration.ofMinutes(14));
        assertThat(first.login(officer.username(), officer.password()).body()).contains("dikunci");
        advanceClocks(Duration.ofMinutes(1));
        assertThat(first.login(officer.username(), officer.password()).status()).isEqualTo(302);

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'STAFF_LOGIN_FAILED'""")
                .param(officer.username()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'STAFF_LOGIN_REFUSED'""")
                .param(officer.username()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aStrangerLocksAUsernameOnlyFromTheirOwnAddressAndLearnsNothingAboutWhichUsernamesExist() {
        StaffFixture.Account officer = staff.officer("PRK-TAIPING");
        String unknown = "tiada-" + officer.username();
        String stranger = "203.0.113.77";
        String refusedUnknown = null;
        String refusedOfficer = null;
        for (int i = 0; i < 5; i++) {
            Http node = new Http(i % 2 == 0 ? port : secondNode.port());
            refusedOfficer = error(node.postForm("/staff/login/attempt", Map.of("username", officer.username(),
                    "password", "wrong-" + i), "X-Forwarded-For", stranger));
            node.get("/staff/login");
            refusedUnknown = error(node.postForm("/staff/login/attempt", Map.of("username", unknown,
                    "password", "wrong-" + i), "X-Forwarded-For", stranger));
            if (i < 4) {
                assertThat(refusedOfficer).contains("tidak betul").isEqualTo(refusedUnknown);
            }
        }
        // Locked from the stranger's address, for a real and an unknown username alike.
        assertThat(refusedOfficer).contains("Akaun ini dikunci sementara").isEqualTo(refusedUnknown);
        Http again = new Http(port);
        again.get("/staff/login");
        assertThat(error(again.postForm("/staff/login/attempt", Map.of("username", unknown, "password", "x"),
                "X-Forwarded-For", stranger))).isEqualTo(refusedOfficer);

        // The officer, elsewhere, signs in on either node; the stranger's address stays locked out.
        Http colleague = new Http(secondNode.port());
        colleague.get("/staff/login");
        Http.Response signedIn = colleague.postForm("/staff/login/attempt", Map.of("username", officer.username(),
                "password", officer.password()), "X-Forwarded-For", "198.51.100.9");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("/staff/login");
        Http fromStranger = new Http(port);
        fromStranger.get("/staff/login");
        assertThat(error(fromStranger.postForm("/staff/login/attempt", Map.of("username", officer.username(),
                "password", officer.password()), "X-Forwarded-For", stranger))).contains("dikunci");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_login_failure WHERE username IN (?, ?) "
                        + "AND locked_until IS NOT NULL").params(officer.username(), unknown).query(Long.class).single()).isEqualTo(2);
    }

    /** The login page's error message, as the reader sees it. */
    private static String error(Http.Response page) {
        assertThat(page.status()).isEqualTo(200);
        Matcher message = ERROR.matcher(page.body());
        assertThat(message.find()).as(page.body()).isTrue();
        return message.group(1).strip();
    }

    private static final Pattern ERROR = Pattern.compile(
            "class=\"error-message\"[^>]*>\\s*(?:<span[^>]*>[^<]*</span>)?([^<]+)<");

    @Test
    void aSuccessStartsTheCountAgainAndOldFailuresExpire() {
        StaffFixture.Account officer = staff.officer("PRK-TAIPING");
        Http first = new Http(port);
        Http second = new Http(secondNode.port());
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? first : second).login(officer.username(), "wrong-" + i);
        }
        assertThat(second.login(officer.username(), officer.password()).status()).isEqualTo(302);
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? first : second).login(officer.username(), "wrong-" + i);
        }
        advanceClocks(Duration.ofMinutes(16)); // the window of those four has passed
        assertThat(first.login(officer.username(), "wrong-again").body()).doesNotContain("dikunci");
        assertThat(new Http(port).login(officer.username(), officer.password()).status()).isEqualTo(302);
    }

    @Test
    void theSweepDeletesFailuresOnlyOnceTheirLockHasEndedAndTheirWindowHasPassed(@Autowired StaffLogins logins) {
        StaffFixture.Account locked = staff.officer("PRK-TAIPING");
        StaffFixture.Account failedOnce = staff.officer("PRK-TAIPING");
        Http first = new Http(port);
        for (int i = 0; i < 5; i++) {
            first.login(locked.username(), "wrong-" + i);
        }
        first.login(failedOnce.username(), "wrong");
        advanceClocks(Duration.ofMinutes(10));
        StaffFixture.Account failedLater = staff.officer("PRK-TAIPING");
        first.login(failedLater.username(), "wrong");

        // Control: while the lock and the windows last, every row still decides something and stays.
        logins.sweepFailures();
        assertThat(failureRows(locked, failedOnce, failedLater)).isEqualTo(3);

        advanceClocks(Duration.ofMinutes(5)); // the lock has ended, the first failure's window has passed
        assertThat(logins.sweepFailures()).isGreaterThanOrEqualTo(2); // other tests' rows may go too
        assertThat(failureRows(locked, failedOnce, failedLater)).isEqualTo(1);
        assertThat(failureRows(failedLater)).isEqualTo(1);
        assertThat(first.login(locked.username(), locked.password()).status()).isEqualTo(302);

        // The failure that stayed still counts: four more lock its username.
        for (int i = 0; i < 4; i++) {
            first.login(failedLater.username(), "wrong-" + i);
        }
        assertThat(new Http(port).login(failedLater.username(), failedLater.password()).body()).contains("dikunci");
    }

    private long failureRows(StaffFixture.Account... accounts) {
        return jdbc.sql("SELECT count(*) FROM staff_login_failure WHERE username = ANY (?)")
                .param(java.util.Arrays.stream(accounts).map(StaffFixture.Account::username).toArray(String[]::new))
                .query(Long.class).single();
    }

    @Test
    void aSessionStartedOnOneNodeWorksOnTheOther() {
        Http onFirst = new Http(port).loginAs(staff.officer("PRK-TAIPING"));
        Http onSecond = onFirst.onNode(secondNode.port());
        assertThat(onSecond.get("/staff").status()).isEqualTo(200);
        assertThat(onSecond.get("/staff/branches/PRK-TAIPING").status()).isEqualTo(200);
        // A form from node 2's page is accepted on node 1: the CSRF token lives in the browser's cookie.
        assertThat(onFirst.postForm("/staff/logout", java.util.Map.of()).status()).isEqualTo(302);
        assertThat(onSecond.get("/staff").status()).isEqualTo(302);
    }

    private void setClocks() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        secondNode.bean(MutableClock.class).set(TestClockConfiguration.DEFAULT_NOW);
    }

    private void advanceClocks(Duration duration) {
        clock.advance(duration);
        secondNode.bean(MutableClock.class).advance(duration);
    }
}
