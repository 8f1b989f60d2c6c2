package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.OpenPlaces;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Back, refresh and the language switch in a real browser never show "Confirm Form Resubmission" nor
 * lose what was typed: the manage flow (pages under a server-side draft) and the details form (typed
 * values kept on the hold when the language changes). Chromium shows its resubmission question as an
 * error page without our header, so every step checks the page's own heading. Uses KDH-SUNGAI-PETANI
 * in September 2026.
 */
@IntegrationTest
class NoDeadEndsBrowserTest {

    static final String BRANCH = "KDH-SUNGAI-PETANI";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String service;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
        http = new Http(port);
        service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
    }

    @Test
    void backRefreshAndTheLanguageSwitchStayOnTheManagePagesAndTheDocumentNumberStaysOutOfAddresses() {
        List<LocalDate> open = openDays();
        LocalDate day = open.get(0);
        LocalDate newDay = open.get(1);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, slots(day).get(0).get("start").asString(), myKad);
        String newStart = slots(newDay).get(1).get("start").asString();

        try (Browser browser = Browser.start(true)) {
            WebDriver page = browser.driver();
            page.get(base() + "/appointments/manage?reference=" + reference);
            page.findElement(By.id("documentNumber")).sendKeys(myKad);
            follow(page, By.cssSelector("main button[type=submit]"));
            assertThat(heading(page)).isEqualTo("Temujanji anda");
            String draft = page.getCurrentUrl();
            assertThat(draft).matches(".*/appointments/manage/[0-9a-f-]{36}").doesNotContain(myKad);

            // The language switch: the same appointment in English, not the look-up form.
            follow(page, By.cssSelector(".site-header__language"));
            assertThat(heading(page)).isEqualTo("Your appointment");
            assertThat(page.getCurrentUrl()).isEqualTo(draft + "?lang=en");
            assertThat(page.findElement(By.cssSelector("[data-reference]")).getText())
                    .isEqualTo(Reference.display(reference));

            follow(page, By.cssSelector("a[data-cancel]"));
            assertThat(heading(page)).isEqualTo("Are you sure you want to cancel this appointment?");
            backTo(page, "Your appointment");
            page.navigate().refresh();
            assertThat(heading(page)).isEqualTo("Your appointment");

            follow(page, By.cssSelector("a[data-reschedule]"));
            assertThat(heading(page)).isEqualTo("Choose a new date");
            if (!page.findElements(By.cssSelector("a.day[href$='date=" + newDay + "']")).isEmpty()) {
                follow(page, By.cssSelector("a.day[href$='date=" + newDay + "']"));
            } else {
                follow(page, By.cssSelector(".month-nav a[rel=next]"));
                follow(page, By.cssSelector("a.day[href$='date=" + newDay + "']"));
            }
            assertThat(heading(page)).isEqualTo("Choose a new time slot");
            String slotsPage = page.getCurrentUrl();
            follow(page, By.cssSelector(".site-header__language"));
            assertThat(heading(page)).as("the switch keeps the chosen day").isEqualTo("Pilih slot masa baharu");
            assertThat(page.findElement(By.tagName("main")).getText()).contains(newDay.getDayOfMonth() + " September 2026");
            follow(page, By.cssSelector(".site-header__language"));
            assertThat(heading(page)).isEqualTo("Choose a new time slot");
            assertThat(page.getCurrentUrl()).isEqualTo(slotsPage + "&lang=en");

            page.findElement(By.cssSelector("input[type=radio][value='" + newStart + "']")).click();
            follow(page, By.cssSelector("button[data-reschedule-confirm]"));
            assertThat(heading(page)).isEqualTo("Appointment changed");
            // Back after the change: the slots page again, asked for afresh, not a resubmission.
            backTo(page, "Choose a new time slot");
            page.navigate().refresh();
            assertThat(heading(page)).isEqualTo("Choose a new time slot");
        }
        assertThat(jdbc.sql("SELECT day FROM appointment WHERE reference = ?").param(reference)
                .query(LocalDate.class).single()).isEqualTo(newDay);
    }

    @Test
    void theLanguageSwitchOnTheDetailsPageKeepsWhatWasTypedWithoutJavaScript() {
        LocalDate day = openDays().get(2);
        String hold = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", slots(day).get(2).get("start").asString())).json()
                .get("holdId").asString();

        try (Browser browser = Browser.start(false)) {
            WebDriver page = browser.driver();
            page.get(base() + "/book/holds/" + hold + "/details");
            assertThat(heading(page)).isEqualTo("Butiran pemohon");
            page.findElement(By.id("fullName")).sendKeys("Tan Mei Ling");
            page.findElement(By.cssSelector("input[name=documentType][value=PASSPORT]")).click();
            page.findElement(By.id("documentNumber")).sendKeys("A12345678");
            page.findElement(By.id("email")).sendKeys("mei.ling@example.my");

            follow(page, By.cssSelector(".site-header__language"));
            assertThat(heading(page)).isEqualTo("Applicant's details");
            assertThat(page.getCurrentUrl()).endsWith("/book/holds/" + hold + "/details?lang=en");
            assertThat(page.findElements(By.cssSelector(".error-summary"))).as("nothing is checked yet").isEmpty();
            assertThat(page.findElement(By.id("fullName")).getDomProperty("value")).isEqualTo("Tan Mei Ling");
            assertThat(page.findElement(By.id("documentNumber")).getDomProperty("value")).isEqualTo("A12345678");
            assertThat(page.findElement(By.id("email")).getDomProperty("value")).isEqualTo("mei.ling@example.my");
            assertThat(page.findElement(By.cssSelector("input[name=documentType][value=PASSPORT]")).isSelected()).isTrue();

            page.navigate().refresh();
            assertThat(heading(page)).isEqualTo("Applicant's details");
            assertThat(page.findElement(By.id("fullName")).getDomProperty("value")).isEqualTo("Tan Mei Ling");
        }
    }

    private static void backTo(WebDriver page, String heading) {
        page.navigate().back();
        assertThat(heading(page)).isEqualTo(heading);
    }

    private static String heading(WebDriver page) {
        List<org.openqa.selenium.WebElement> h1 = page.findElements(By.cssSelector("main h1"));
        return h1.isEmpty() ? "(no page heading: " + page.getTitle() + ")" : h1.get(0).getText().strip();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private List<LocalDate> openDays() {
        return OpenPlaces.openDays(http, BRANCH, service);
    }

    private JsonNode slots(LocalDate day) {
        return OpenPlaces.slots(http, BRANCH, service, day);
    }

    private String book(LocalDate day, String start, String myKad) {
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", start, "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }
}
