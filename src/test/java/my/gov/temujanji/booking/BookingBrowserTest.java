package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;
import my.gov.temujanji.support.Browser;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The booking flow in a real browser at phone width, from the landing page to the slip, with
 * screenshots of every step under {@code target/screenshots/}. Uses HQ-PJY on 12-14 August 2026.
 */
@IntegrationTest
class BookingBrowserTest {

    static final String REFERENCE = "[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}";

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
    void anApplicantBooksInMalayAndAnotherInEnglish() {
        try (Browser browser = Browser.start(true)) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/");
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ms");
            bookFlow(browser, "ms", "2026-08-12", "Siti Nur Aisyah binti Kamal", "880412-10-6102");
            assertThat(text(page, "h1")).isEqualTo("Slip Temu Janji");
            assertThat(text(page, "[data-reference]")).matches(REFERENCE);
            assertThat(text(page, "main")).contains("Ibu Pejabat Imigresen Malaysia, Putrajaya", "Rabu, 12 Ogos 2026",
                    "10:00 – 10:30", "Siti Nur Aisyah binti Kamal");
            assertThat(text(page, "[data-document-number]")).isEqualTo("******-**-6102");
            assertThat(page.findElement(By.cssSelector("[data-print]")).isDisplayed()).isTrue();

            // The switch keeps the page: the same slip, in English.
            String reference = text(page, "[data-reference]");
            follow(page, By.linkText("English"));
            assertThat(text(page, "h1")).isEqualTo("Appointment slip");
            assertThat(text(page, "[data-reference]")).isEqualTo(reference);
            browser.screenshot("ms-09-slip-switched-to-english");

            page.get("http://localhost:" + port + "/?lang=ms");
            follow(page, By.linkText("English"));
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            bookFlow(browser, "en", "2026-08-13", "Lim Wei Ming", "880412-10-6204");
            assertThat(text(page, "h1")).isEqualTo("Appointment slip");
            assertThat(text(page, "[data-reference]")).matches(REFERENCE);
            assertThat(text(page, "main")).contains("Immigration Headquarters, Putrajaya", "Thursday, 13 August 2026",
                    "Expatriate Services Division", "Lim Wei Ming", "at least 30 minutes");
            assertThat(text(page, "[data-document-number]")).isEqualTo("******-**-6204");
        }
    }

    @Test
    void anApplicantWithoutJavaScriptBooksToo() {
        try (Browser browser = Browser.start(false)) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/");
            bookFlow(browser, "nojs", "2026-08-14", "Ahmad Faizal bin Yusof", "880412-10-6306");
            assertThat(text(page, "[data-reference]")).matches(REFERENCE);
            assertThat(text(page, "[data-document-number]")).isEqualTo("******-**-6306");
            // Its print button needs a script, so it stays hidden; the hint to use the browser's print shows.
            assertThat(page.findElement(By.cssSelector("[data-print]")).isDisplayed()).isFalse();
            assertThat(text(page, "main")).contains("Atau gunakan fungsi cetak pelayar anda.");
        }
    }

    /** From the page showing TERUSKAN to the slip, at HQ-PJY for BKE, 10:00 on {@code date}. */
    private void bookFlow(Browser browser, String run, String date, String name, String mykad) {
        WebDriver page = browser.driver();
        browser.screenshot(run + "-01-landing");
        follow(page, By.cssSelector("a.button--start"));

        choose(page, "HQ");
        browser.screenshot(run + "-02-department");
        submit(page);
        choose(page, "HQ-PJY");
        browser.screenshot(run + "-03-branch");
        submit(page);
        choose(page, "BKE");
        browser.screenshot(run + "-04-service");
        submit(page);
        choose(page, "1"); // how many people: the applicant alone
        browser.screenshot(run + "-04-people");
        submit(page);

        // The window opens in July; the date is in August.
        follow(page, By.cssSelector(".month-nav a[rel=next]"));
        browser.screenshot(run + "-05-date");
        follow(page, By.cssSelector("a.day[href$='date=" + date + "']"));

        choose(page, "10:00");
        browser.screenshot(run + "-06-slots");
        submit(page);

        submit(page); // nothing filled in: the error summary
        assertThat(page.findElements(By.cssSelector(".error-summary li"))).hasSize(5);
        browser.screenshot(run + "-07-details-errors");
        page.findElement(By.id("fullName")).sendKeys(name);
        choose(page, "MYKAD");
        page.findElement(By.id("documentNumber")).sendKeys(mykad);
        page.findElement(By.id("email")).sendKeys("pemohon@contoh.my");
        page.findElement(By.id("phone")).sendKeys("012-345 6789");
        browser.screenshot(run + "-07-details-filled");
        submit(page);

        browser.screenshot(run + "-08-review");
        follow(page, By.cssSelector("main a.button")); // HANTAR / SUBMIT
        browser.screenshot(run + "-08-confirm");
        submit(page); // OK
        browser.screenshot(run + "-09-slip");
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
