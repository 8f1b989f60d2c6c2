package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.slip.SlipToken;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An officer at MLK-AYER-KEROH on Wednesday 5 August 2026 (no other test is there that day). */
@IntegrationTest
class CounterBrowserTest {

    static final String BRANCH = "MLK-AYER-KEROH";
    static final LocalDate DAY = LocalDate.of(2026, 8, 5);

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

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void theOfficerScansTheSlipSeesItIsGenuineAndChecksTheApplicantIn() {
        Browser.assumeInstalled();
        clock.set(DAY.minusDays(1).atTime(10, 0));
        CounterBookings.Booked booked = CounterBookings.book(new Http(port), BRANCH, "BKP", DAY, 0,
                "Nurul Huda binti Kamal", "kaunter@example.my", "ms");
        // What the slip's QR code carries, as a USB scanner types it.
        String token = tokens.issue(booking.findByReference(booked.reference()).orElseThrow());
        StaffFixture.Account officer = new StaffFixture(jdbc, passwords).officer(BRANCH);
        clock.set(DAY.atTime(7, 15));
        String base = "http://localhost:" + port;

        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            StaffFixture.login(driver, base, officer);
            wait.until(ExpectedConditions.urlToBe(base + "/staff"));
            Browser.follow(driver, By.linkText("Kaunter"));
            wait.until(ExpectedConditions.urlToBe(base + "/staff/counter/" + BRANCH));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Nurul Huda binti Kamal");

            driver.findElement(By.id("code")).sendKeys(token + Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-result='GENUINE']")));
            assertThat(driver.findElement(By.cssSelector("[data-document-number]")).getText())
                    .isEqualTo(booked.myKad());
            browser.screenshot("counter-verified");

            driver.findElement(By.cssSelector("[data-check-in]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-done='checkedIn']")));
            assertThat(driver.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("Sudah daftar masuk");
            browser.screenshot("counter-checked-in");
        }
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(booked.reference())
                .query(String.class).single()).isEqualTo("CHECKED_IN");
    }
}
