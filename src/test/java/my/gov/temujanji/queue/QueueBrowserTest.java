package my.gov.temujanji.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.slip.SlipToken;
import my.gov.temujanji.support.Axe;
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

/**
 * The branch day in Chromium: a slip checked in at the counter gets a number, an officer calls it, the
 * hall's display shows it within 2 seconds with JavaScript (and within its reload interval without),
 * the officer marks it served, and the report shows its waiting and service time. The display and the
 * kiosk pass axe-core at a TV's 1920x1080 and a phone's 360 px. LBN-LABUAN on Thursday 8 October 2026.
 */
@IntegrationTest
class QueueBrowserTest {

    static final String BRANCH = "LBN-LABUAN";
    static final LocalDate DAY = LocalDate.of(2026, 10, 8);
    static final By CALLED_NUMBER = By.cssSelector("[data-calling] .queue-display__number");

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
    void checkInCallDisplayServeAndReport() {
        Browser.assumeInstalled();
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account admin = staff.branchAdmin(BRANCH);
        QueueFixture.configure(new Http(port).loginAs(admin), BRANCH, 15, 3, Map.of(1, List.of("BKP")),
                Map.of("BKP", 5, "VPP", 5));
        clock.set(DAY.minusDays(1).atTime(12, 0));
        String reference = QueueFixture.book(new Http(port), BRANCH, "BKP", DAY, "10:00",
                String.format("910203-12-%04d", (int) (System.nanoTime() % 10000)));
        String slip = tokens.issue(booking.findByReference(reference.replace("-", "")).orElseThrow());
        clock.set(DAY.atTime(9, 30));
        String base = "http://localhost:" + port;

        try (Browser officerBrowser = Browser.start(true); Browser tv = Browser.start(true);
                Browser plainTv = Browser.start(false)) {
            WebDriver officer = officerBrowser.driver();
            WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(20));
            StaffFixture.login(officer, base, staff.officer(BRANCH));
            wait.until(ExpectedConditions.urlToBe(base + "/staff"));
            officer.get(base + "/staff/counter/" + BRANCH);
            officer.findElement(By.id("code")).sendKeys(slip + Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-check-in]")));
            Browser.follow(officer, By.cssSelector("[data-check-in]"));
            String number = jdbc.sql("SELECT prefix || '-' || lpad(number::text, 3, '0') FROM queue_ticket "
                    + "WHERE appointment_reference = ?").param(reference.replace("-", "")).query(String.class).single();
            assertThat(number).isEqualTo("P-001");

            tv.driver().get(base + "/display/" + BRANCH);
            new WebDriverWait(tv.driver(), Duration.ofSeconds(10))
                    .until(d -> "true".equals(d.findElement(By.cssSelector("[data-queue-display]")).getAttribute("data-live")));
            plainTv.driver().get(base + "/display/" + BRANCH);
            assertThat(plainTv.driver().findElements(CALLED_NUMBER)).isEmpty();

            clock.advance(Duration.ofMinutes(6));
            Browser.follow(officer, By.linkText("Giliran"));
            Browser.follow(officer, By.cssSelector("[data-desk][data-number='1'] [data-sign-in]"));
            Browser.follow(officer, By.cssSelector("[data-open-desk]"));
            Browser.follow(officer, By.cssSelector("[data-call-next]"));
            long called = System.nanoTime();
            assertThat(officer.findElement(By.cssSelector("[data-open]")).getAttribute("data-number")).isEqualTo(number);

            new WebDriverWait(tv.driver(), Duration.ofSeconds(2), Duration.ofMillis(50))
                    .until(d -> d.findElements(CALLED_NUMBER).stream().anyMatch(e -> e.getText().equals(number)));
            assertThat(Duration.ofNanos(System.nanoTime() - called)).isLessThan(Duration.ofSeconds(2));
            assertThat(tv.driver().findElement(By.cssSelector("[data-calling] .queue-display__counter")).getText())
                    .isEqualTo("Kaunter 1");
            // Without JavaScript: the page reloads itself every 5 seconds.
            new WebDriverWait(plainTv.driver(), Duration.ofSeconds(5 + 2), Duration.ofMillis(200))
                    .until(d -> d.findElements(CALLED_NUMBER).stream().anyMatch(e -> e.getText().equals(number)));

            clock.advance(Duration.ofMinutes(4));
            Browser.follow(officer, By.cssSelector("[data-served]"));
            assertThat(officer.findElement(By.cssSelector("[data-done]")).getText()).isEqualTo("Ditanda selesai dilayan.");
            new WebDriverWait(tv.driver(), Duration.ofSeconds(2), Duration.ofMillis(50))
                    .until(d -> d.findElements(CALLED_NUMBER).isEmpty());

            officer.get(base + "/staff/queue/" + BRANCH + "/report");
            assertThat(officer.findElement(By.cssSelector("[data-group='SERVICE:BKP'] [data-mean-wait]")).getText())
                    .isEqualTo("6.0");
            assertThat(officer.findElement(By.cssSelector("[data-group='SERVICE:BKP'] [data-mean-service]")).getText())
                    .isEqualTo("4.0");
            assertThat(officer.findElement(By.cssSelector("[data-group='COUNTER:1'] [data-mean-service]")).getText())
                    .isEqualTo("4.0");
            assertThat(officer.findElement(By.cssSelector("[data-group='HOUR:09:00'] [data-mean-wait]")).getText())
                    .isEqualTo("6.0");

            List<String> violations = new ArrayList<>();
            scan(tv, base + "/display/" + BRANCH, "display", violations);
            Browser.follow(officer, By.linkText("Kembali ke giliran"));
            Browser.follow(officer, By.cssSelector("[data-unlock-kiosk]"));
            assertThat(officer.getCurrentUrl()).isEqualTo(base + "/kiosk/" + BRANCH);
            assertThat(officer.findElements(By.cssSelector("[data-service]"))).hasSize(2);
            scan(officerBrowser, base + "/kiosk/" + BRANCH, "kiosk", violations);
            assertThat(violations).as("serious or critical axe-core violations").isEmpty();

            // The kiosk's browser has no staff session left.
            officer.get(base + "/staff");
            assertThat(officer.getCurrentUrl()).startsWith(base + "/staff/login");
        }
    }

    /** axe-core on the page in Malay and English, at 1920x1080 and 360 px. */
    private static void scan(Browser browser, String url, String name, List<String> violations) {
        for (String language : List.of("ms", "en")) {
            browser.driver().get(url + "?lang=" + language);
            for (int[] size : new int[][] {{1920, 1080}, {360, 800}}) {
                browser.resize(size[0], size[1]);
                Axe.seriousOrCritical(browser).forEach(v -> violations.add(name + "-" + language + " @" + size[0]
                        + "px: " + v));
            }
            browser.resize(400);
        }
    }
}
