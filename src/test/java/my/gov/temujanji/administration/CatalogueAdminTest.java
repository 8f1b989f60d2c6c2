package my.gov.temujanji.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * System administration of the catalogue over real HTTP. Creates its own Sarawak branches (SWK-ADM-*,
 * hours copied from SWK-KUCHING) and books them on Wednesday 5 August 2026; no other test uses them.
 */
@IntegrationTest
class CatalogueAdminTest {

    static final String DAY = "2026-08-05";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MutableClock clock;

    StaffFixture staff;

    @BeforeEach
    void setUp() {
        staff = new StaffFixture(jdbc, passwords);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void anOfficerIsRefusedEveryAdministrationPageAndASystemAdministratorOpensThem() {
        Http officer = new Http(port).loginAs(staff.officer("SWK-KUCHING"));
        String[] pages = {"/staff/admin/catalogue", "/staff/admin/catalogue/departments/new",
                "/staff/admin/catalogue/departments/SWK", "/staff/admin/catalogue/branches/new",
                "/staff/admin/catalogue/branches/SWK-KUCHING", "/staff/admin/catalogue/branches/SWK-KUCHING/offerings?service=BKP",
                "/staff/admin/catalogue/types/new", "/staff/admin/catalogue/types/BKP", "/staff/admin/accounts",
                "/staff/admin/audit"};
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        for (String page : pages) {
            assertThat(officer.get(page).status()).as(page).isEqualTo(403);
            assertThat(admin.get(page).status()).as(page).isEqualTo(200);
        }
        assertThat(officer.get("/staff").body()).doesNotContain("/staff/admin/catalogue").contains("/staff/reports");
        assertThat(admin.get("/staff").body()).contains("href=\"/staff/admin/catalogue\"");
        assertThat(officer.postForm("/staff/admin/catalogue/branches/SWK-KUCHING/offerings",
                Map.of("service", "BKP", "slotMinutes", "15", "capacity", "9")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT capacity FROM offering WHERE branch_code = 'SWK-KUCHING' AND service_code = 'BKP'")
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aNewBranchAndOfferingAreBookableAndOnceDeactivatedRefusedWithEveryChangeAudited() {
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        String code = "SWK-ADM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        admin.get("/staff/admin/catalogue/branches/new");
        Http.Response created = admin.postForm("/staff/admin/catalogue/branches", branch(code.toLowerCase()));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/staff/admin/catalogue/branches/" + code + "?saved");
        Http.Response offered = admin.postForm("/staff/admin/catalogue/branches/" + code + "/offerings",
                Map.of("service", "BKP", "slotMinutes", "20", "capacity", "2", "active", "true"));
        assertThat(offered.status()).isEqualTo(303);

        Http applicant = new Http(port);
        assertThat(applicant.get("/api/v1/departments/SWK/branches").body()).contains("\"code\":\"" + code + "\"",
                "Cawangan Ujian Miri");
        assertThat(applicant.get("/api/v1/branches/" + code + "/services").body())
                .isEqualTo("[{\"code\":\"BKP\",\"name\":{\"ms\":\"Bahagian Keselamatan & Pasport\","
                        + "\"en\":\"Security and Passport Division\"},\"slotMinutes\":20}]");
        Http.Response booked = book(applicant, code, "BKP", "08:20");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String reference = booked.json().get("reference").asString();

        Map<String, String> off = new HashMap<>(Map.of("service", "BKP", "slotMinutes", "20", "capacity", "2"));
        assertThat(admin.postForm("/staff/admin/catalogue/branches/" + code + "/offerings", off).status()).isEqualTo(303);
        assertThat(applicant.get("/api/v1/branches/" + code + "/services").body()).isEqualTo("[]");
        Http.Response refused = book(applicant, code, "BKP", "08:40");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("code").asString()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference).query(String.class)
                .single()).isEqualTo("CONFIRMED");
        assertThat(admin.get("/staff/admin/catalogue/branches/" + code).body()).contains("Tidak aktif");

        Map<String, String> closed = branch(code);
        closed.remove("code");
        closed.remove("hoursFrom");
        assertThat(admin.postForm("/staff/admin/catalogue/branches/" + code, closed).status()).isEqualTo(303);
        assertThat(applicant.get("/api/v1/departments/SWK/branches").body()).doesNotContain(code);
        assertThat(applicant.get("/api/v1/branches/" + code + "/services").json().get("code").asString())
                .isEqualTo("UNKNOWN_BRANCH");

        assertThat(audit(code, "CATALOGUE_BRANCH_CREATE"))
                .contains("null → {\"branch\": {\"code\": \"" + code + "\"", "\"active\": true", "\"hoursCopiedFrom\": \"SWK-KUCHING\"");
        assertThat(audit(code + "/BKP", "CATALOGUE_OFFERING_CREATE"))
                .isEqualTo("null → {\"active\": true, \"capacity\": 2, \"branchCode\": \"" + code
                        + "\", \"serviceCode\": \"BKP\", \"slotMinutes\": 20}");
        assertThat(audit(code + "/BKP", "CATALOGUE_OFFERING_UPDATE"))
                .isEqualTo("{\"active\": true, \"capacity\": 2, \"branchCode\": \"" + code
                        + "\", \"serviceCode\": \"BKP\", \"slotMinutes\": 20} → {\"active\": false, \"capacity\": 2, "
                        + "\"branchCode\": \"" + code + "\", \"serviceCode\": \"BKP\", \"slotMinutes\": 20}");
        assertThat(audit(code, "CATALOGUE_BRANCH_UPDATE")).contains("\"active\": true", "→", "\"active\": false");
    }

    @Test
    void aFormWithMistakesComesBackInEitherLanguageWithItsAnswersKept() {
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        Map<String, String> wrong = branch("bad code!");
        wrong.put("nameEn", "");
        wrong.put("hoursFrom", "");
        wrong.put("address", "Jalan <Ujian> 1");
        admin.get("/staff/admin/catalogue/branches/new");

        String malay = admin.postForm("/staff/admin/catalogue/branches", wrong).body();
        assertThat(malay).contains("class=\"error-summary\"",
                "<a href=\"#code\">Masukkan kod 2 hingga 40 aksara: huruf besar, nombor atau sempang</a>",
                "<a href=\"#nameEn\">Masukkan nama dalam Bahasa Inggeris (tidak melebihi 200 aksara)</a>",
                "<a href=\"#hoursFrom\">Pilih cawangan yang waktu kaunternya akan disalin</a>",
                "id=\"code-error\"", "aria-describedby=\"code-hint code-error\"",
                "value=\"bad code!\"", "value=\"Cawangan Ujian Miri\"", "value=\"Jalan &lt;Ujian&gt; 1\"",
                "<option value=\"SWK\" selected=\"selected\">Sarawak</option>");
        String english = admin.postForm("/staff/admin/catalogue/branches?lang=en", wrong).body();
        assertThat(english).contains("<a href=\"#code\">Enter a code of 2 to 40 characters: capital letters, digits or hyphens</a>",
                "<a href=\"#nameEn\">Enter the name in English (at most 200 characters)</a>", "value=\"bad code!\"");

        Map<String, String> type = new LinkedHashMap<>(Map.of("code", "ZZ", "nameMs", "Ujian", "nameEn", "Test",
                "slotMinutes", "300", "leadDays", "x", "windowMonths", "3"));
        assertThat(admin.postForm("/staff/admin/catalogue/types?lang=en", type).body())
                .contains("<a href=\"#slotMinutes\">Slot length (minutes): enter a whole number between 5 and 240</a>",
                        "<a href=\"#leadDays\">Earliest booking (days before): enter a whole number between 0 and 30</a>",
                        "value=\"300\"", "value=\"x\"");
        assertThat(admin.postForm("/staff/admin/catalogue/departments", Map.of("code", "SWK", "nameMs", "A",
                "nameEn", "B", "state", "SWK")).body()).contains("<a href=\"#code\">Kod ini sudah digunakan</a>");
        assertThat(jdbc.sql("SELECT count(*) FROM transaction_type WHERE code = 'ZZ'").query(Long.class).single()).isZero();
    }

    @Test
    void aFormIsFilledFromItsFieldsOnlyNeverFromAHeaderOfTheSameName() {
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        admin.get("/staff/admin/catalogue/types/new");
        Map<String, String> noEnglishName = Map.of("code", "ADMH", "nameMs", "Ujian", "slotMinutes", "30",
                "leadDays", "1", "windowMonths", "3");

        Http.Response refused = admin.postForm("/staff/admin/catalogue/types?lang=en", noEnglishName,
                "NameEn", "From a header");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("<a href=\"#nameEn\">Enter the name in English (at most 200 characters)</a>")
                .doesNotContain("From a header");
        assertThat(jdbc.sql("SELECT count(*) FROM transaction_type WHERE code = 'ADMH'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aChangeWithoutTheFormsCsrfTokenIsRefused() {
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        Http.Response forged = admin.postFormWithoutToken("/staff/admin/catalogue/departments",
                Map.of("code", "ADM-CSRF", "nameMs", "Palsu", "nameEn", "Forged", "state", "SWK"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM department WHERE code = 'ADM-CSRF'").query(Long.class).single()).isZero();

        admin.get("/staff/admin/catalogue/types/new");
        Http.Response type = admin.postForm("/staff/admin/catalogue/types", Map.of("code", "ADMQ", "nameMs", "Ujian",
                "nameEn", "Test", "slotMinutes", "30", "leadDays", "1", "windowMonths", "3"));
        assertThat(type.status()).isEqualTo(303);
        Http.Response changed = admin.postForm("/staff/admin/catalogue/types/ADMQ", Map.of("nameMs", "Ujian dua",
                "nameEn", "Test two", "slotMinutes", "45", "leadDays", "2", "windowMonths", "6"));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(audit("ADMQ", "CATALOGUE_TYPE_UPDATE")).contains("\"slotMinutes\": 30", "→", "\"slotMinutes\": 45",
                "\"en\": \"Test two\"");
    }

    @Test
    void aTransactionTypeSetToWaitForTheEmailedCodeBooksPendingAndBackOnTheDefaultBooksAtOnce() {
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        // The tests' default is no e-mail confirmation; the form says so on its first choice.
        assertThat(admin.get("/staff/admin/catalogue/types/new").body()).contains("Pengesahan melalui e-mel",
                "<option value=\"\" selected=\"selected\">Ikut tetapan sistem (tidak)</option>",
                "<option value=\"true\">Ya, tunggu kod dari e-mel</option>");
        Map<String, String> type = new LinkedHashMap<>(Map.of("code", "ADMEMEL", "nameMs", "Ujian e-mel",
                "nameEn", "E-mail test", "slotMinutes", "30", "leadDays", "1", "windowMonths", "3",
                "emailConfirmation", "maybe"));
        assertThat(admin.postForm("/staff/admin/catalogue/types?lang=en", type).body()).contains(
                "<a href=\"#emailConfirmation\">Choose whether bookings must be confirmed by e-mail</a>",
                "value=\"Ujian e-mel\"");
        type.put("emailConfirmation", "true");
        assertThat(admin.postForm("/staff/admin/catalogue/types", type).status()).isEqualTo(303);
        assertThat(admin.get("/staff/admin/catalogue/types/ADMEMEL").body())
                .contains("<option value=\"true\" selected=\"selected\">Ya, tunggu kod dari e-mel</option>");
        String code = "SWK-ADM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        admin.get("/staff/admin/catalogue/branches/new");
        assertThat(admin.postForm("/staff/admin/catalogue/branches", branch(code)).status()).isEqualTo(303);
        assertThat(admin.postForm("/staff/admin/catalogue/branches/" + code + "/offerings",
                Map.of("service", "ADMEMEL", "slotMinutes", "30", "capacity", "2", "active", "true")).status())
                .isEqualTo(303);

        Http applicant = new Http(port);
        Http.Response waits = book(applicant, code, "ADMEMEL", "08:00");
        assertThat(waits.status()).as(waits.body()).isEqualTo(201);
        assertThat(waits.json().get("status").asString()).isEqualTo("PENDING");

        type.remove("code");
        type.put("emailConfirmation", "");
        assertThat(admin.postForm("/staff/admin/catalogue/types/ADMEMEL", type).status()).isEqualTo(303);
        Http.Response atOnce = book(applicant, code, "ADMEMEL", "08:30");
        assertThat(atOnce.status()).as(atOnce.body()).isEqualTo(201);
        assertThat(atOnce.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT email_confirmation IS NULL FROM transaction_type WHERE code = 'ADMEMEL'")
                .query(Boolean.class).single()).isTrue();
        assertThat(audit("ADMEMEL", "CATALOGUE_TYPE_UPDATE")).contains("\"emailConfirmation\": true", "→",
                "\"emailConfirmation\": null");
    }

    private static Map<String, String> branch(String code) {
        return new HashMap<>(Map.of("code", code, "department", "SWK", "state", "SWK", "nameMs", "Cawangan Ujian Miri",
                "nameEn", "Miri Test Branch", "address", "Jalan Ujian, 98000 Miri, Sarawak", "hoursFrom", "SWK-KUCHING"));
    }

    private Http.Response book(Http http, String branch, String service, String start) {
        return http.postJson("/api/v1/appointments", Map.of("branch", branch, "service", service, "date", DAY, "start",
                start, "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private String audit(String subject, String action) {
        return jdbc.sql("""
                        SELECT coalesce(before::text, 'null') || ' → ' || after::text FROM audit_entry
                        WHERE subject_id = ? AND action = ? ORDER BY id DESC LIMIT 1""")
                .params(subject, action).query(String.class).single();
    }
}
