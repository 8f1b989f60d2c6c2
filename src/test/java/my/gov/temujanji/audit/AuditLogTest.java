package my.gov.temujanji.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log: written with the change it records, never changed afterwards, read by system administrators. */
@IntegrationTest
class AuditLogTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void anEntryIsWrittenOnlyInsideTheTransactionOfItsChangeAndRollsBackWithIt() {
        assertThatThrownBy(() -> audit.recordAs("test-tx", "TEST_ACTION", "thing", "1", null, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            audit.recordAs("test-tx", "TEST_ACTION", "thing", "2", "HQ-PJY", null, Map.of("n", 2));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        transaction.executeWithoutResult(status ->
                audit.recordAs("test-tx", "TEST_ACTION", "thing", "3", "HQ-PJY", Map.of("n", 2), Map.of("n", 3)));

        assertThat(jdbc.sql("SELECT subject_id || ' ' || before::text || ' ' || after::text || ' ' || (at AT TIME ZONE 'Asia/Kuala_Lumpur')::text "
                        + "FROM audit_entry WHERE actor = 'test-tx'").query(String.class).list())
                .containsExactly("3 {\"n\": 2} {\"n\": 3} 2026-07-13 09:00:00");
    }

    @Test
    void noOneCanChangeOrDeleteAnEntry() {
        transaction.executeWithoutResult(status ->
                audit.recordAs("test-immutable", "TEST_ACTION", "thing", "1", null, null, null));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE actor = 'test-immutable'")
                .update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE actor = 'test-immutable'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: TRUNCATE refused");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = 'test-immutable'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void accountAdministrationAndLoginsAreAudited() {
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account admin = staff.systemAdmin();
        Http http = new Http(port).loginAs(admin);
        assertThat(new Http(port).login(admin.username(), "not-it").status()).isEqualTo(200);

        http.get("/staff/admin/accounts/new");
        Http.Response created = http.postForm("/staff/admin/accounts", Map.of("username", "Siti.Aminah",
                "displayName", "Siti Aminah binti Yusof", "role", "OFFICER", "branches", "PHG-TEMERLOH"));
        assertThat(created.status()).isEqualTo(200);
        Matcher password = Pattern.compile("data-one-time-password>([^<]+)<").matcher(created.body());
        assertThat(password.find()).isTrue();
        assertThat(created.header("Cache-Control")).contains("no-store");
        http.postForm("/staff/admin/accounts/siti.aminah/password", Map.of());

        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = ? ORDER BY id")
                .param(admin.username()).query(String.class).list())
                .containsExactly("STAFF_LOGIN", "STAFF_LOGIN_FAILED", "STAFF_ACCOUNT_CREATED", "STAFF_PASSWORD_RESET");
        assertThat(jdbc.sql("SELECT after::text FROM audit_entry WHERE action = 'STAFF_ACCOUNT_CREATED' AND subject_id = ?")
                .param("siti.aminah").query(String.class).single())
                .isEqualTo("{\"role\": \"OFFICER\", \"enabled\": true, \"branches\": [\"PHG-TEMERLOH\"], "
                        + "\"username\": \"siti.aminah\", \"displayName\": \"Siti Aminah binti Yusof\"}")
                .doesNotContain("argon2");
        // The first password no longer works after the reset; the new one must be changed at once.
        assertThat(new Http(port).login("siti.aminah", password.group(1)).status()).isEqualTo(200);
    }

    @Test
    void theViewerShowsTheNewestFirstFiftyAPageFilteredByActorActionAndDates() {
        transaction.executeWithoutResult(status -> {
            for (int i = 1; i <= 55; i++) {
                clock.advance(java.time.Duration.ofMinutes(1));
                audit.recordAs("test-viewer", "TEST_VIEWED", "thing", "n" + i, null, null, null);
            }
        });
        clock.set(TestClockConfiguration.DEFAULT_NOW.plusDays(2));
        transaction.executeWithoutResult(status ->
                audit.recordAs("test-viewer", "TEST_LATER", "thing", "later", null, null, null));

        Http http = new Http(port).loginAs(new StaffFixture(jdbc, passwords).systemAdmin());
        String first = http.get("/staff/admin/audit?actor=test-viewer&action=TEST_VIEWED").body();
        assertThat(count(first, "data-audit-id=")).isEqualTo(50);
        assertThat(first.indexOf("thing n55")).isLessThan(first.indexOf("thing n54"));
        assertThat(first).doesNotContain("thing n5<", "thing later").contains("data-older", "Halaman 1");
        String older = http.get("/staff/admin/audit?actor=test-viewer&action=TEST_VIEWED&page=1").body();
        assertThat(count(older, "data-audit-id=")).isEqualTo(5);
        assertThat(older).contains("thing n1<", "thing n5<", "data-newer").doesNotContain("data-older");

        String byDate = http.get("/staff/admin/audit?actor=test-viewer&from=2026-07-15&to=2026-07-15").body();
        assertThat(count(byDate, "data-audit-id=")).isEqualTo(1);
        assertThat(byDate).contains("thing later", "2026-07-15 09:00:00");

        String wrong = http.get("/staff/admin/audit?from=15/07/2026&to=2026-07-14&lang=en").body();
        assertThat(wrong).contains("<a href=\"#from\">Enter a date as YYYY-MM-DD, for example 2026-07-13</a>");
        String reversed = http.get("/staff/admin/audit?from=2026-07-15&to=2026-07-14").body();
        assertThat(reversed).contains("Tarikh akhir tidak boleh sebelum tarikh mula");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
