package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may open what in the back office, over real HTTP through the real login page. Branch-scoped
 * pages use PRK-IPOH and PHG-KUANTAN (no other test's staff work there).
 */
@IntegrationTest
class StaffAccessTest {

    static final String IPOH = "PRK-IPOH";
    static final String KUANTAN = "PHG-KUANTAN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    StaffFixture staff;

    @BeforeEach
    void setUp() {
        staff = new StaffFixture(jdbc, passwords);
    }

    @Test
    void aStrangerIsSentToTheLoginPageInMalayOrEnglish() {
        Http http = new Http(port);
        Http.Response home = http.get("/staff");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/staff/login");
        assertThat(http.get("/staff/admin/accounts").header("Location")).endsWith("/staff/login");

        String malay = http.get("/staff/login").body();
        assertThat(malay).contains("<h1 class=\"heading\">Log masuk kakitangan</h1>", "Nama pengguna", "Kata laluan",
                "name=\"_csrf\"");
        assertThat(http.get("/staff/login?lang=en").body()).contains("Staff sign in", "Username", "Password");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheUsernameKept() {
        StaffFixture.Account officer = staff.officer(IPOH);
        Http http = new Http(port);
        Http.Response refused = http.login(officer.username(), "not-the-password");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("class=\"error-summary\"", "<a href=\"#username\">Nama pengguna atau kata laluan tidak betul</a>")
                .contains("value=\"" + officer.username() + "\"")
                .doesNotContain("not-the-password");
        assertThat(new Http(port).login("no-such-person", "whatever-it-is").body())
                .contains("Nama pengguna atau kata laluan tidak betul");
        assertThat(http.get("/staff").status()).isEqualTo(302);
    }

    @Test
    void anOfficerWorksAtTheirBranchesOnlyAndNeverInTheAdministration() {
        StaffFixture.Account officer = staff.officer(IPOH);
        Http http = new Http(port).loginAs(officer);

        Http.Response home = http.get("/staff");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Selamat datang, Ujian " + officer.username(), "Peranan: Pegawai",
                "href=\"/staff/branches/PRK-IPOH\"", "Log keluar")
                .doesNotContain("/staff/admin/accounts", "/staff/admin/audit");

        assertThat(http.get("/staff/branches/" + IPOH).body()).contains("data-branch-code>PRK-IPOH<",
                officer.username() + " (Pegawai)");
        Http.Response otherBranch = http.get("/staff/branches/" + KUANTAN);
        assertThat(otherBranch.status()).isEqualTo(403);
        assertThat(otherBranch.body()).contains("Akses tidak dibenarkan").doesNotContain("Exception");

        for (String admin : new String[] {"/staff/admin/accounts", "/staff/admin/accounts/new", "/staff/admin/audit"}) {
            Http.Response refused = http.get(admin + "?lang=en");
            assertThat(refused.status()).as(admin).isEqualTo(403);
            assertThat(refused.body()).contains("Access not allowed").doesNotContain("Exception", "at my.gov");
        }
        assertThat(http.postForm("/staff/admin/accounts/" + officer.username() + "/password", Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void aBranchAdministratorIsAnOfficerOfTheirBranchesToo() {
        Http http = new Http(port).loginAs(staff.branchAdmin(KUANTAN));
        assertThat(http.get("/staff").body()).contains("Peranan: Pentadbir cawangan");
        assertThat(http.get("/staff/branches/" + KUANTAN).status()).isEqualTo(200);
        assertThat(http.get("/staff/branches/" + IPOH).status()).isEqualTo(403);
        assertThat(http.get("/staff/admin/accounts").status()).isEqualTo(403);
    }

    @Test
    void aSystemAdministratorSeesEveryBranchAndTheAdministration() {
        Http http = new Http(port).loginAs(staff.systemAdmin());
        String home = http.get("/staff").body();
        assertThat(home).contains("href=\"/staff/admin/accounts\"", "href=\"/staff/admin/audit\"",
                "Anda boleh melihat semua cawangan.");
        assertThat(http.get("/staff/branches/" + IPOH).status()).isEqualTo(200);
        assertThat(http.get("/staff/branches/" + KUANTAN).status()).isEqualTo(200);
        assertThat(http.get("/staff/admin/accounts").status()).isEqualTo(200);
        assertThat(http.get("/staff/admin/audit").status()).isEqualTo(200);
        assertThat(http.get("/staff/branches/NO-SUCH-BRANCH").status()).isEqualTo(404);
    }

    @Test
    void theAccountsPageShowsALockedAccountWithItsEndInBranchTime() {
        StaffFixture.Account officer = staff.officer(IPOH);
        Http stranger = new Http(port);
        for (int i = 0; i < 5; i++) {
            stranger.login(officer.username(), "not-the-password");
        }
        Timestamp lockedUntil = jdbc.sql("SELECT max(locked_until) FROM staff_login_failure WHERE username = ?")
                .param(officer.username()).query(Timestamp.class).single();
        assertThat(lockedUntil).isNotNull();

        Http.Response page = new Http(port).loginAs(staff.systemAdmin()).get("/staff/admin/accounts");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Dikunci sehingga " + DateTimeFormatter.ofPattern("dd/MM HH:mm")
                .format(lockedUntil.toInstant().atZone(ZoneId.of("Asia/Kuala_Lumpur"))));
    }

    @Test
    void signingOutEndsTheSession() {
        Http http = new Http(port).loginAs(staff.officer(IPOH));
        assertThat(http.get("/staff").status()).isEqualTo(200);
        Http.Response out = http.postForm("/staff/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/staff/login?signedOut");
        assertThat(http.get("/staff/login?signedOut").body()).contains("Anda telah log keluar.");
        assertThat(http.get("/staff").status()).isEqualTo(302);
    }

    @Test
    void anAccountDisabledMeanwhileIsSignedOutAtItsNextRequest() {
        StaffFixture.Account officer = staff.officer(IPOH);
        Http http = new Http(port).loginAs(officer);
        jdbc.sql("UPDATE staff_account SET enabled = false WHERE username = ?").param(officer.username()).update();
        assertThat(http.get("/staff").header("Location")).endsWith("/staff/login");
        assertThat(new Http(port).login(officer.username(), officer.password()).body())
                .contains("Nama pengguna atau kata laluan tidak betul");
    }

    @Test
    void aOneTimePasswordMustBeChangedFirst() {
        StaffFixture.Account officer = staff.create(Role.OFFICER, true, IPOH);
        Http http = new Http(port).loginAs(officer);
        assertThat(http.get("/staff").header("Location")).endsWith("/staff/password");
        assertThat(http.get("/staff/branches/" + IPOH).header("Location")).endsWith("/staff/password");
        assertThat(http.get("/staff/password").body()).contains("Anda perlu memilih kata laluan baharu");

        Map<String, String> tooShort = Map.of("currentPassword", officer.password(), "newPassword", "pendek",
                "confirmPassword", "pendek");
        assertThat(http.postForm("/staff/password", tooShort).body())
                .contains("<a href=\"#newPassword\">Kata laluan baharu mesti sekurang-kurangnya 12 aksara</a>");
        String longName = officer.username(); // test-officer-N: long enough to be refused only as the username
        assertThat(http.postForm("/staff/password?lang=en", Map.of("currentPassword", officer.password(),
                "newPassword", longName.toUpperCase(), "confirmPassword", longName.toUpperCase())).body())
                .contains("The new password cannot be your username");
        assertThat(http.postForm("/staff/password", Map.of("currentPassword", "wrong-one", "newPassword",
                "kuda-laut-berenang-jauh", "confirmPassword", "kuda-laut-berenang-jauh")).body())
                .contains("<a href=\"#currentPassword\">Masukkan kata laluan semasa anda dengan betul</a>");

        Http.Response changed = http.postForm("/staff/password", Map.of("currentPassword", officer.password(),
                "newPassword", "kuda-laut-berenang-jauh", "confirmPassword", "kuda-laut-berenang-jauh"));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(http.get("/staff?passwordChanged").body()).contains("Kata laluan anda telah ditukar.");
        assertThat(jdbc.sql("SELECT must_change_password FROM staff_account WHERE username = ?")
                .param(longName).query(Boolean.class).single()).isFalse();
        assertThat(new Http(port).login(longName, "kuda-laut-berenang-jauh").status()).isEqualTo(302);
    }

    @Test
    void applicantPagesMakeNoSessionAndEveryPageSendsTheSecurityHeaders() {
        Http applicant = new Http(port);
        Http.Response landing = applicant.get("/");
        applicant.get("/appointments/manage");
        assertThat(applicant.hasCookie("SESSION")).isFalse();
        assertThat(landing.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self';", "frame-ancestors 'none'");
        assertThat(landing.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(landing.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(landing.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(applicant.get("/api/v1/departments").header("Content-Security-Policy")).contains("default-src 'self'");
    }
}
