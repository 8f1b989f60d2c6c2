package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.notification.Outboxes;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Semak, batal, tukar temujanji in a real browser at phone width: from the confirmation e-mail's link
 * to a cancelled appointment whose place is free again, and a move to another day without JavaScript.
 * Screenshots under {@code target/screenshots/}. Uses JHR-JOHOR-BAHRU on 5 and 6 October 2026.
 */
@IntegrationTest
class SelfServiceBrowserTest {

    static final String BRANCH = "JHR-JOHOR-BAHRU";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext context;

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
    void anApplicantFollowsTheEmailLinkAndCancelsAndThePlaceIsFreeAgainAfterTheDelay() {
        LocalDate day = LocalDate.of(2026, 10, 5);
        String start = slots(day).get(8).get("start").asString();
        int placesBefore = placesLeft(day, start);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, start, myKad);
        assertThat(placesLeft(day, start)).isEqualTo(placesBefore - 1);
        Outboxes.sendDue(context);

        try (Browser browser = Browser.start(true)) {
            WebDriver page = browser.driver();
            page.get(base() + "/dev/mailbox");
            follow(page, By.partialLinkText("Temujanji disahkan: " + Reference.display(reference)));
            browser.screenshot("manage-01-email");
            // The e-mail's links start with temujanji.notification.public-url: open its path on this server.
            URI link = URI.create(page.findElement(By.cssSelector("a[href*='/appointments/manage?reference=']"))
                    .getDomAttribute("href"));
            page.get(base() + link.getRawPath() + "?" + link.getRawQuery());
            assertThat(page.findElement(By.id("reference")).getDomProperty("value")).isEqualTo(reference);
            browser.screenshot("manage-02-find");

            // A wrong document number: the error, no details.
            page.findElement(By.id("documentNumber")).sendKeys(Applicants.nextMyKad());
            submit(page);
            assertThat(text(page, ".error-summary")).contains("Tiada temujanji dengan nombor rujukan dan nombor dokumen ini.");
            assertThat(page.switchTo().activeElement().getDomAttribute("class")).contains("error-summary");
            browser.screenshot("manage-03-find-wrong");

            page.findElement(By.id("documentNumber")).clear();
            page.findElement(By.id("documentNumber")).sendKeys(myKad);
            submit(page);
            assertThat(text(page, "h1")).isEqualTo("Temujanji anda");
            assertThat(text(page, "[data-reference]")).isEqualTo(Reference.display(reference));
            assertThat(text(page, "[data-status]")).isEqualTo("Status: Disahkan");
            assertThat(text(page, "[data-document-number]")).isEqualTo("******-**-" + myKad.substring(myKad.length() - 4));
            assertThat(page.getCurrentUrl()).doesNotContain(myKad).doesNotContain(myKad.replace("-", ""));
            browser.screenshot("manage-04-appointment");

            follow(page, By.cssSelector("a[data-cancel]"));
            assertThat(text(page, "h1")).isEqualTo("Adakah anda pasti mahu membatalkan temujanji ini?");
            browser.screenshot("manage-05-cancel-question");
            follow(page, By.cssSelector("button[data-confirm-cancel]"));
            assertThat(text(page, "h1")).isEqualTo("Temujanji dibatalkan");
            assertThat(text(page, "[data-email-sent]")).contains("E-mel");
            browser.screenshot("manage-06-cancelled");
        }

        // A cancelled place is offered again only after the release delay (15 minutes by default).
        assertThat(placesLeft(day, start)).isEqualTo(placesBefore - 1);
        clock.advance(java.time.Duration.ofMinutes(15));
        assertThat(placesLeft(day, start)).isEqualTo(placesBefore);
        Outboxes.sendDue(context);
        assertThat(http.get("/dev/mailbox").body()).contains("Temujanji dibatalkan: " + Reference.display(reference));
    }

    @Test
    void anApplicantWithoutJavaScriptMovesTheAppointmentToAnotherDay() {
        LocalDate day = LocalDate.of(2026, 10, 5);
        LocalDate newDay = LocalDate.of(2026, 10, 6);
        String start = slots(day).get(9).get("start").asString();
        String newStart = slots(newDay).get(9).get("start").asString();
        String myKad = Applicants.nextMyKad();
        String reference = book(day, start, myKad);

        try (Browser browser = Browser.start(false)) {
            WebDriver page = browser.driver();
            page.get(base() + "/");
            follow(page, By.cssSelector("a[data-manage]"));
            page.findElement(By.id("reference")).sendKeys(Reference.display(reference));
            page.findElement(By.id("documentNumber")).sendKeys(myKad);
            submit(page);
            follow(page, By.cssSelector("a[data-reschedule]"));
            assertThat(text(page, "h1")).isEqualTo("Pilih tarikh baharu");
            browser.screenshot("manage-nojs-01-date");
            follow(page, By.cssSelector("a.day[href$='date=" + newDay + "']"));
            browser.screenshot("manage-nojs-02-slots");
            page.findElement(By.cssSelector("input[type=radio][value='" + newStart + "']")).click();
            follow(page, By.cssSelector("button[data-reschedule-confirm]"));
            assertThat(text(page, "h1")).isEqualTo("Temujanji ditukar");
            assertThat(text(page, "main")).contains("Selasa, 6 Oktober 2026", newStart);
            browser.screenshot("manage-nojs-03-rescheduled");
            follow(page, By.cssSelector("a[data-slip]"));
            assertThat(text(page, "main")).contains("Selasa, 6 Oktober 2026", newStart);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String book(LocalDate day, String start, String myKad) {
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", start, "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }

    private JsonNode slots(LocalDate day) {
        return http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + day).json();
    }

    private int placesLeft(LocalDate day, String start) {
        for (JsonNode slot : slots(day)) {
            if (slot.get("start").asString().equals(start)) {
                return slot.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot " + start);
    }

    private static void submit(WebDriver page) {
        follow(page, By.cssSelector("main button[type=submit]"));
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText().strip();
    }
}
