package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.slip.SlipToken;
import my.gov.temujanji.support.OpenPlaces;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Axe;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * axe-core (4.14.1, MPL-2.0, vendored under src/test/resources from {@code npm pack axe-core@4}) over
 * every applicant page and the main staff pages, at 360 and 1280 px, in Malay and English: any
 * serious or critical violation fails, and the message lists every one found, page by page. Uses
 * KDH-ALOR-SETAR in September 2026 (no other test books there).
 */
@IntegrationTest
class AccessibilityBrowserTest {

    static final String BRANCH = "KDH-ALOR-SETAR";
    static final List<Integer> WIDTHS = List.of(360, 1280);
    static final List<String> LANGUAGES = List.of("ms", "en");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SlipToken tokens;
    @Autowired
    Booking booking;

    Http http;
    String service;
    final List<String> violations = new ArrayList<>();
    int runs;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
        http = new Http(port);
        service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void noPageHasASeriousOrCriticalViolationAtPhoneOrLaptopWidthInEitherLanguage() {
        List<LocalDate> open = openDays();
        LocalDate day = open.get(0);
        LocalDate otherDay = open.get(1);
        String start = slots(day).get(0).get("start").asString();
        String hold = holdWithDetails(day, slots(day).get(1).get("start").asString());
        String emptyHold = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", slots(day).get(2).get("start").asString())).json().get("holdId").asString();
        String myKad = Applicants.nextMyKad();
        String reference = book(day, start, myKad);
        String cancelled = book(day, slots(day).get(3).get("start").asString(), Applicants.nextMyKad());
        assertThat(http.postJson("/api/v1/appointments/" + cancelled + "/cancel",
                Map.of("documentNumber", documentOf(cancelled))).status()).isEqualTo(200);
        String moved = book(day, slots(day).get(4).get("start").asString(), Applicants.nextMyKad());
        assertThat(http.postJson("/api/v1/appointments/" + moved + "/reschedule", Map.of("documentNumber",
                documentOf(moved), "date", otherDay.toString(), "start", slots(otherDay).get(4).get("start").asString()))
                .status()).isEqualTo(200);
        // The code page shows a booking waiting for its e-mailed code; confirmation is off in the tests'
        // profile, so one booking of this test is put back to waiting.
        String waiting = book(day, slots(day).get(5).get("start").asString(), Applicants.nextMyKad());
        jdbc.sql("UPDATE appointment SET status = 'PENDING' WHERE reference = ?").param(waiting).update();

        Map<String, String> applicantPages = new LinkedHashMap<>();
        applicantPages.put("landing", "/");
        applicantPages.put("department", "/book/department");
        applicantPages.put("branch", "/book/branch?department=KDH");
        applicantPages.put("service", "/book/service?branch=" + BRANCH);
        applicantPages.put("people", "/book/people?branch=" + BRANCH + "&service=" + service);
        applicantPages.put("people-errors", "/book/date?branch=" + BRANCH + "&service=" + service + "&asked=people");
        applicantPages.put("date", "/book/date?branch=" + BRANCH + "&service=" + service + "&month=" + day.toString().substring(0, 7));
        applicantPages.put("slots", "/book/slots?branch=" + BRANCH + "&service=" + service + "&date=" + day);
        applicantPages.put("details", "/book/holds/" + emptyHold + "/details");
        applicantPages.put("review", "/book/holds/" + hold + "/review");
        applicantPages.put("confirm", "/book/holds/" + hold + "/confirm");
        applicantPages.put("code", "/book/appointments/" + waiting + "/confirm");
        applicantPages.put("slip", "/slip/" + reference);
        applicantPages.put("slip-cancelled", "/slip/" + cancelled);
        applicantPages.put("verify", "/verify/" + tokens.issue(booking.findByReference(reference).orElseThrow()));
        applicantPages.put("verify-forged", "/verify/not-a-token");
        applicantPages.put("manage-find", "/appointments/manage?reference=" + reference);
        applicantPages.put("manage-cancelled", "/appointments/manage/cancelled?reference=" + cancelled);
        applicantPages.put("manage-rescheduled", "/appointments/manage/rescheduled?reference=" + moved);
        applicantPages.put("not-found", "/book/holds/" + UUID.randomUUID() + "/details");

        try (Browser browser = Browser.start(true)) {
            WebDriver page = browser.driver();
            page.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            applicantPages.forEach((name, path) -> scan(browser, name, path));

            // Pages with errors: the answers of forms sent empty.
            for (String language : LANGUAGES) {
                page.get(base() + "/book/holds/" + emptyHold + "/details?lang=" + language);
                follow(page, By.cssSelector("main button[type=submit]"));
                scanHere(browser, "details-errors-" + language);
                page.get(base() + "/appointments/manage?lang=" + language);
                follow(page, By.cssSelector("main button[type=submit]"));
                scanHere(browser, "manage-find-errors-" + language);
            }

            // Control: a picture without a text alternative (critical) is found, so a clean run means something.
            page.get(base() + "/");
            ((JavascriptExecutor) page).executeScript(
                    "document.querySelector('main').appendChild(document.createElement('img')).src = '/favicon.svg';");
            int before = violations.size();
            scanHere(browser, "control");
            assertThat(violations.subList(before, violations.size())).hasSize(2)
                    .allSatisfy(v -> assertThat(v).contains("image-alt (critical)"));
            violations.subList(before, violations.size()).clear();
            runs -= 2;

            // The manage flow's pages, under the draft a look-up makes.
            page.get(base() + "/appointments/manage?reference=" + reference);
            page.findElement(By.id("documentNumber")).sendKeys(myKad);
            follow(page, By.cssSelector("main button[type=submit]"));
            String draft = page.getCurrentUrl().replace(base(), "");
            scan(browser, "manage-appointment", draft);
            scan(browser, "manage-cancel", draft + "/cancel");
            scan(browser, "manage-date", draft + "/reschedule");
            scan(browser, "manage-slots", draft + "/reschedule/slots?date=" + otherDay);
        }

        StaffFixture staff = new StaffFixture(jdbc, passwords);
        try (Browser browser = Browser.start(true)) {
            scan(browser, "staff-login", "/staff/login");
            StaffFixture.login(browser.driver(), base(), staff.branchAdmin(BRANCH));
            scan(browser, "staff-home", "/staff");
            scan(browser, "counter", "/staff/counter/" + BRANCH);
            scan(browser, "branch-settings", "/staff/branch/" + BRANCH + "/settings");
            scan(browser, "branch-hours", "/staff/branch/" + BRANCH + "/settings/hours");
            scan(browser, "blocks", "/staff/blocks");
            scan(browser, "reports", "/staff/reports");
        }
        try (Browser browser = Browser.start(true)) {
            StaffFixture.login(browser.driver(), base(), staff.systemAdmin());
            scan(browser, "audit", "/staff/admin/audit");
            scan(browser, "accounts", "/staff/admin/accounts");
            scan(browser, "catalogue", "/staff/admin/catalogue");
        }

        // Each page in two languages at two widths; the error pages once per language.
        assertThat(runs).as("axe runs").isEqualTo(4 * (applicantPages.size() + 4 + 7 + 3) + 8);
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    /** Opens the page in each language and runs axe at each width. */
    private void scan(Browser browser, String name, String path) {
        for (String language : LANGUAGES) {
            browser.driver().get(base() + path + (path.contains("?") ? "&" : "?") + "lang=" + language);
            scanHere(browser, name + "-" + language);
        }
    }

    /** Runs axe on the page as it is, at each width. */
    private void scanHere(Browser browser, String name) {
        for (int width : WIDTHS) {
            browser.resize(width);
            List<String> found = Axe.seriousOrCritical(browser);
            runs++;
            for (String violation : found) {
                violations.add(name + " @" + width + "px: " + violation);
            }
        }
        browser.resize(400);
    }

    // ------------------------------------------------------------------------------------------------

    private String base() {
        return "http://localhost:" + port;
    }

    private List<LocalDate> openDays() {
        return OpenPlaces.openDays(http, BRANCH, service);
    }

    private JsonNode slots(LocalDate day) {
        return OpenPlaces.slots(http, BRANCH, service, day);
    }

    /** A hold whose details are saved, so that its review and confirm pages show. */
    private String holdWithDetails(LocalDate day, String start) {
        String id = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", service, "date", day.toString(),
                "start", start)).json().get("holdId").asString();
        http.get("/book/holds/" + id + "/details");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("fullName", "Nurul Ain binti Hashim");
        details.put("documentType", "MYKAD");
        details.put("documentNumber", Applicants.nextMyKad());
        details.put("nationality", "");
        details.put("email", "nurul.ain@example.my");
        details.put("phone", "012-345 6789");
        assertThat(http.postForm("/book/holds/" + id + "/details", details).status()).isEqualTo(303);
        return id;
    }

    private String book(LocalDate day, String start, String myKad) {
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", start, "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }

    private String documentOf(String reference) {
        return jdbc.sql("SELECT document_number FROM appointment WHERE reference = ?").param(reference)
                .query(String.class).single();
    }
}
