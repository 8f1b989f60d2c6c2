package my.gov.temujanji.waitlist;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import my.gov.temujanji.notification.Outboxes;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waitlist in a real browser, with and without JavaScript: from a full day onto the waitlist with
 * the code from the e-mail, then the offer e-mail's link to a booked appointment's slip. E-mails are
 * read in the developer mailbox. Screenshots under {@code target/screenshots/}. Uses SBH-UTC-TAWAU
 * (BKP, two places a slot; no other test does) on 18 and 19 August 2026.
 */
@IntegrationTest
class WaitlistBrowserTest {

    static final String BRANCH = "SBH-UTC-TAWAU";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
    }

    @ParameterizedTest(name = "javascript {0}")
    @ValueSource(booleans = {true, false})
    void anApplicantJoinsFromAFullDayAndBooksThePlaceTheOfferEmailBrings(boolean javascript) {
        String run = javascript ? "waitlist-js" : "waitlist-nojs";
        LocalDate day = javascript ? LocalDate.of(2026, 8, 18) : LocalDate.of(2026, 8, 19);
        Http http = new Http(port);
        WaitlistFixture fixture = new WaitlistFixture(jdbc, BRANCH, "BKP");
        String[] booked = fixture.fullDay(http, day, 2, LocalTime.of(15, 0));
        String myKad = Applicants.nextMyKad();
        String email = run + "@example.my";

        try (Browser browser = Browser.start(javascript)) {
            WebDriver page = browser.driver();
            page.get(base() + "/book/slots?branch=" + BRANCH + "&service=BKP&date=" + day);
            follow(page, By.cssSelector("a[data-waitlist-join]"));
            browser.screenshot(run + "-01-join");
            page.findElement(By.cssSelector("input[type=radio][value='AFTERNOON']")).click();
            page.findElement(By.id("documentNumber")).sendKeys(myKad);
            page.findElement(By.id("email")).sendKeys(email);
            submit(page);
            assertThat(page.getCurrentUrl()).endsWith("/confirm");
            browser.screenshot(run + "-02-code");
            String entryPage = page.getCurrentUrl().replaceFirst("/confirm$", "");

            Outboxes.sendDue(context);
            page.get(base() + "/dev/mailbox");
            follow(page, By.partialLinkText("Kod pengesahan senarai menunggu"));
            String code = page.findElement(By.cssSelector("[data-code]")).getText().strip();
            page.get(entryPage + "/confirm");
            page.findElement(By.id("code")).sendKeys(code);
            submit(page);
            assertThat(page.getCurrentUrl()).isEqualTo(entryPage);
            assertThat(text(page, "[data-state]")).isEqualTo(
                    "Anda berada dalam senarai menunggu. Kami akan menghantar e-mel apabila tempat dipulangkan.");
            browser.screenshot(run + "-03-waiting");

            assertThat(WaitlistFixture.cancel(http, booked).status()).isEqualTo(200);
            Outboxes.sendDue(context);
            page.get(base() + "/dev/mailbox");
            follow(page, By.partialLinkText("Tempat untuk anda dari senarai menunggu"));
            browser.screenshot(run + "-04-offer-email");
            // The e-mail's links start with temujanji.notification.public-url: open its path on this server.
            URI link = URI.create(page.findElement(By.cssSelector("a[data-offer-link]")).getDomAttribute("href"));
            page.get(base() + link.getRawPath() + "?" + link.getRawQuery());
            browser.screenshot(run + "-05-offer");
            follow(page, By.cssSelector("button[data-take]"));

            assertThat(page.getCurrentUrl()).endsWith("/details");
            assertThat(page.findElement(By.id("documentNumber")).getDomProperty("value"))
                    .as("the document waited with, as stored").isEqualTo(myKad.replace("-", ""));
            assertThat(page.findElement(By.id("email")).getDomProperty("value")).isEqualTo(email);
            page.findElement(By.id("fullName")).sendKeys("Aminah binti Yusof");
            page.findElement(By.id("phone")).sendKeys("012-345 6789");
            browser.screenshot(run + "-06-details");
            submit(page);
            follow(page, By.cssSelector("main a.button")); // HANTAR
            submit(page); // OK
            browser.screenshot(run + "-07-slip");
            assertThat(page.getCurrentUrl()).matches(".*/slip/[2-9A-HJ-NP-Z]{10}");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Aminah binti Yusof", "15:00");

            page.get(entryPage);
            assertThat(text(page, "[data-state]")).isEqualTo("Anda telah mengambil tempat yang ditawarkan.");
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void submit(WebDriver page) {
        follow(page, By.cssSelector("main button[type=submit]"));
    }

    private static String text(WebDriver page, String css) {
        return page.findElement(By.cssSelector(css)).getText().strip();
    }
}
