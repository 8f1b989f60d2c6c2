package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * OK pressed on the confirm page while the proof of work is still running is not lost: the button
 * says it is waiting and the booking goes on by itself once the widget has verified. A large
 * max-number makes the work take seconds, as on a cheap phone. Without temujanji.js's waiting, the
 * early press sends no solution and the page comes back with "wait until the verification has
 * finished" (the test then fails at the slip). Uses KDH-SUNGAI-PETANI on 29 September 2026.
 */
@IntegrationTest
@TestPropertySource(properties = {"temujanji.challenge.enabled=true", "temujanji.challenge.max-number=1500000"})
class EarlyPressBrowserTest {

    static final String BRANCH = "KDH-SUNGAI-PETANI";
    static final String DAY = "2026-09-29";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
    }

    @Test
    void okPressedBeforeTheProofOfWorkHasFinishedWaitsAndThenBooks() {
        Http http = new Http(port);
        String service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
        String start = http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + DAY).json()
                .get(6).get("start").asString();
        try (Browser browser = Browser.start(true)) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/book/slots?branch=" + BRANCH + "&service=" + service + "&date=" + DAY);
            page.findElement(By.cssSelector("input[type=radio][value='" + start + "']")).click();
            // Next pressed at once, too: the hold waits for its own proof of work the same way.
            follow(page, By.cssSelector("main button[type=submit]"), Duration.ofSeconds(90));
            assertThat(page.getCurrentUrl()).as(page.findElement(By.tagName("main")).getText()).contains("/details");

            page.findElement(By.id("fullName")).sendKeys("Muthu a/l Krishnan");
            page.findElement(By.cssSelector("input[name=documentType][value=MYKAD]")).click();
            page.findElement(By.id("documentNumber")).sendKeys(Applicants.nextMyKad());
            page.findElement(By.id("email")).sendKeys("muthu@example.my");
            page.findElement(By.id("phone")).sendKeys("012-345 6789");
            follow(page, By.cssSelector("main button[type=submit]"));
            follow(page, By.cssSelector("main a.button")); // HANTAR

            // OK at once, while the widget is still working.
            WebElement ok = page.findElement(By.cssSelector("main form button[type=submit]"));
            assertThat(solution(page)).as("pressed before the work was done").isEmpty();
            ok.click();
            assertThat(ok.getText()).isEqualTo("Sedang mengesahkan… akan diteruskan sendiri");
            assertThat(ok.getDomAttribute("aria-disabled")).isEqualTo("true");
            browser.screenshot("early-press-waiting");
            ok.click(); // pressed again while waiting: still one booking
            new WebDriverWait(page, Duration.ofSeconds(90)).until(d -> d.getCurrentUrl().contains("/slip/"));
            assertThat(page.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Slip Temu Janji");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Muthu a/l Krishnan", start);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE email = 'muthu@example.my'").query(Integer.class)
                .single()).as("one booking for the presses").isOne();
    }

    private static String solution(WebDriver page) {
        Object value = ((JavascriptExecutor) page).executeScript(
                "var f = document.querySelector('altcha-widget input[name=altcha]'); return f ? f.value : '';");
        return value == null ? "" : value.toString();
    }
}
