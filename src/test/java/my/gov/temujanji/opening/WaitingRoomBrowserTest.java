package my.gov.temujanji.opening;

import static my.gov.temujanji.opening.TicketClient.BRANCH;
import static my.gov.temujanji.opening.TicketClient.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waiting room in Chromium, with and without JavaScript: a ticket confirmed by its e-mailed code
 * before the opening, the draw at the opening, the position that follows (the page reloads itself
 * without JavaScript; the script updates it with), the admission, and a hold of the new day with the
 * pass, which a browser without one is sent back to the waiting room for.
 */
@IntegrationTest
class WaitingRoomBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void switchOn() {
        TicketClient.waitingRoom(jdbc, true);
    }

    @AfterEach
    void switchOff() {
        TicketClient.waitingRoom(jdbc, false);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTicketIsDrawnWaitsItsTurnAndItsPassHoldsAPlaceOfTheNewDay(boolean javascript) {
        Browser.assumeInstalled();
        // Monday 7 and Tuesday 8 September open Monday 7 and Tuesday 8 December.
        LocalDate openingDay = javascript ? LocalDate.of(2026, 9, 8) : LocalDate.of(2026, 9, 7);
        LocalDate released = openingDay.plusMonths(3);
        String base = "http://localhost:" + port;
        String email = "bilik-" + javascript + "@example.my";
        clock.set(openingDay.atTime(7, 45));
        try (Browser browser = Browser.start(javascript); Browser stranger = Browser.start(javascript)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            // The calendar says where the days opening today are reached.
            driver.get(base + "/book/date?branch=" + BRANCH + "&service=" + SERVICE);
            Browser.follow(driver, By.cssSelector("[data-waiting-room-link] a"));
            wait.until(ExpectedConditions.urlContains("/menunggu?branch=" + BRANCH));
            assertThat(driver.findElement(By.cssSelector("[data-secret-hash]")).getText()).matches("[0-9a-f]{64}");
            driver.findElement(By.id("documentType-MYKAD")).click();
            driver.findElement(By.id("documentNumber")).sendKeys(Applicants.nextMyKad());
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
            driver.findElement(By.id("code")).sendKeys(TicketClient.codeFor(jdbc, email));
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-message]"),
                    "Cabutan dibuat pada jam 08:00"));
            long release = jdbc.sql("SELECT id FROM opening_release WHERE service_code = ? ORDER BY opens_at DESC "
                    + "LIMIT 1").param(SERVICE).query(Long.class).single();
            TicketClient.simulate(jdbc, release, 400, clock.instant().minusSeconds(60), "BROWSER" + javascript);
            browser.screenshot("waiting-room-before-draw-" + javascript);

            // The opening: the page follows by itself to the drawn position.
            clock.set(openingDay.atTime(8, 0));
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-position]")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-admitted]"))));
            if (javascript && !driver.findElements(By.cssSelector("[data-position]")).isEmpty()) {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-live='true']")));
            }
            browser.screenshot("waiting-room-drawn-" + javascript);

            // A minute later every ticket has been admitted: the page shows the way to the slots.
            clock.set(openingDay.atTime(8, 1));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-admitted]")));
            browser.screenshot("waiting-room-admitted-" + javascript);
            driver.findElement(By.cssSelector("[data-book]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.slot-form")));
            driver.findElement(By.cssSelector("form.slot-form input[type=radio]")).click();
            driver.findElement(By.cssSelector("form.slot-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches(".*/book/holds/[0-9a-f-]+/details$"));

            // A browser without a pass asking for the new day is shown the waiting room instead.
            stranger.driver().get(base + "/book/slots?branch=" + BRANCH + "&service=" + SERVICE + "&date=" + released);
            assertThat(stranger.driver().getCurrentUrl()).contains("/menunggu?branch=" + BRANCH);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM opening_ticket WHERE email = ? AND hold_id IS NOT NULL")
                .param(email).query(Integer.class).single()).isEqualTo(1);
    }
}
