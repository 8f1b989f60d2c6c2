package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The browser proof of fair access: the whole booking in Chromium with the proof-of-work challenge
 * on (the real ALTCHA widget solves it, twice: before the hold and before SUBMIT) and the e-mailed
 * code read from the developer mailbox. A small max-number keeps the solving quick. Uses
 * KUL-JALAN-DUTA BKE on 19 August 2026.
 */
@IntegrationTest
@TestPropertySource(properties = {"temujanji.challenge.enabled=true", "temujanji.challenge.max-number=2000",
    ConfirmationTest.CONFIRMATION_ON})
class ChallengeAndCodeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
    }

    @Test
    void anApplicantPassesTheChallengeAndConfirmsWithTheCodeFromTheirEmail() {
        try (Browser browser = Browser.start(true)) {
            WebDriver page = browser.driver();
            String base = "http://localhost:" + port;
            page.get(base + "/");
            assertThat(text(page, "[data-opening-time]")).contains("08:00");
            follow(page, By.cssSelector("a.button--start"));
            choose(page, "KUL");
            submit(page);
            choose(page, "KUL-JALAN-DUTA");
            submit(page);
            choose(page, "BKE");
            submit(page);
            choose(page, "1"); // how many people: the applicant alone
            submit(page);
            follow(page, By.cssSelector(".month-nav a[rel=next]"));
            follow(page, By.cssSelector("a.day[href$='date=2026-08-19']"));

            choose(page, "10:00");
            awaitSolvedChallenge(page);
            browser.screenshot("fair-01-slots-challenge-solved");
            submit(page);
            assertThat(page.getCurrentUrl()).as("the server accepted the widget's solution").contains("/details");

            page.findElement(By.id("fullName")).sendKeys("Kavitha a/p Ramasamy");
            choose(page, "MYKAD");
            page.findElement(By.id("documentNumber")).sendKeys("900215-10-5522");
            page.findElement(By.id("email")).sendKeys("kavitha@browser.example.my");
            page.findElement(By.id("phone")).sendKeys("012-345 6789");
            submit(page);
            follow(page, By.cssSelector("main a.button")); // HANTAR
            awaitSolvedChallenge(page);
            submit(page); // OK

            // Check your e-mail: the code page, not the slip.
            assertThat(text(page, "h1")).isEqualTo("Semak e-mel anda");
            assertThat(text(page, "main")).contains("kavitha@browser.example.my", "09:10");
            String codePage = page.getCurrentUrl();
            browser.screenshot("fair-02-check-your-email");

            page.findElement(By.id("code")).sendKeys("12345");
            submit(page);
            assertThat(text(page, ".error-summary")).contains("Kod pengesahan mestilah 6 angka");
            assertThat(page.findElement(By.id("code")).getDomProperty("value")).isEqualTo("12345");
            assertThat(page.switchTo().activeElement().getDomAttribute("class")).contains("error-summary");
            browser.screenshot("fair-03-code-error");

            page.get(base + "/dev/mailbox");
            follow(page, By.xpath("//tr[td[normalize-space()='kavitha@browser.example.my']]//a"));
            assertThat(text(page, "h1")).startsWith("Kod pengesahan temujanji");
            String code = text(page, "[data-code]");
            assertThat(code).matches("[0-9]{6}");
            browser.screenshot("fair-04-code-email");

            page.get(codePage);
            page.findElement(By.id("code")).sendKeys(code);
            submit(page);
            assertThat(text(page, "h1")).isEqualTo("Slip Temu Janji");
            assertThat(text(page, "main")).contains("Kavitha a/p Ramasamy", "Rabu, 19 Ogos 2026", "10:00");
            browser.screenshot("fair-05-slip");
        }
    }

    /** Waits until the ALTCHA widget has solved its challenge and put the solution in its form field. */
    private static void awaitSolvedChallenge(WebDriver page) {
        new WebDriverWait(page, Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d).executeScript(
                "var f = document.querySelector('altcha-widget input[name=altcha]');"
                        + " return f && f.value ? f.value : null;"));
        assertThat(page.findElement(By.cssSelector("altcha-widget")).getText()).isNotBlank();
    }

    private static void choose(WebDriver page, String value) {
        page.findElement(By.cssSelector("input[type=radio][value='" + value + "']")).click();
    }

    private static void submit(WebDriver page) {
        follow(page, By.cssSelector("main button[type=submit]"));
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText().strip();
    }
}
