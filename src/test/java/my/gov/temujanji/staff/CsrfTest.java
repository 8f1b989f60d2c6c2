package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.StaffFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Forged form POSTs are refused on staff and applicant pages alike; the JSON API needs no token. */
@IntegrationTest
class CsrfTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aStaffFormWithoutItsTokenIsRefusedAndWithItWorks() {
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account target = staff.officer("PRK-IPOH");
        Http admin = new Http(port).loginAs(staff.systemAdmin());

        Http.Response forged = admin.postFormWithoutToken("/staff/admin/accounts/" + target.username() + "/disable",
                Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("Borang telah tamat tempoh").doesNotContain("Exception");
        assertThat(enabled(target)).isTrue();

        Http.Response wrongToken = admin.postFormWithoutToken("/staff/admin/accounts/" + target.username() + "/disable",
                Map.of("_csrf", "bm90LXRoZS10b2tlbg=="));
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(enabled(target)).isTrue();

        admin.get("/staff/admin/accounts");
        Http.Response genuine = admin.postForm("/staff/admin/accounts/" + target.username() + "/disable", Map.of());
        assertThat(genuine.status()).isEqualTo(303);
        assertThat(enabled(target)).isFalse();
    }

    @Test
    void aLoginWithoutTheTokenIsRefused() {
        StaffFixture.Account officer = new StaffFixture(jdbc, passwords).officer("PRK-IPOH");
        Http http = new Http(port);
        Http.Response forged = http.postFormWithoutToken("/staff/login/attempt?lang=en",
                Map.of("username", officer.username(), "password", officer.password()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("The form has expired");
        assertThat(http.get("/staff").status()).isEqualTo(302);
    }

    @Test
    void anApplicantFormWithoutItsTokenIsRefusedAndWithItWorks() {
        Map<String, String> lookUp = Map.of("reference", "ZZZZZZZZZZ", "documentNumber", "880412-10-5102");
        Http applicant = new Http(port);
        Http.Response forged = applicant.postFormWithoutToken("/appointments/manage", lookUp);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("Borang telah tamat tempoh");

        String page = applicant.get("/appointments/manage").body();
        assertThat(page).contains("name=\"_csrf\"");
        Http.Response genuine = applicant.postForm("/appointments/manage", lookUp);
        assertThat(genuine.status()).isEqualTo(200);
        assertThat(genuine.body()).contains("Tiada temujanji"); // the look-up ran: no such appointment
        assertThat(applicant.hasCookie("SESSION")).isFalse();
    }

    @Test
    void theJsonApiTakesPostsWithoutAnyToken() {
        Http.Response response = new Http(port).postJson("/api/v1/holds", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isNotBlank();
        assertThat(response.header("Set-Cookie")).isNull();
    }

    private boolean enabled(StaffFixture.Account account) {
        return jdbc.sql("SELECT enabled FROM staff_account WHERE username = ?").param(account.username())
                .query(Boolean.class).single();
    }
}
