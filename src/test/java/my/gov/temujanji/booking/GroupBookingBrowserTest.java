package my.gov.temujanji.booking;

import static my.gov.temujanji.support.Browser.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family of four books in one go on a small phone (360 px) with JavaScript off, once in Malay and
 * once in English: four people answered on the question before the calendar, only the slots where all
 * four fit, the applicant's details, three people added one page each (a mistake shown next to that
 * person's field, the check page saying how many are still to come), everyone's time on the check page
 * before the OK, and four appointments made together. Uses KDH-LANGKAWI (BKP) in September 2026.
 */
@IntegrationTest
class GroupBookingBrowserTest {

    static final String BRANCH = "KDH-LANGKAWI";
    static final String SERVICE = "BKP";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        http = new Http(port);
    }

    @Test
    void aFamilyOfFourBooksWithoutJavaScriptInMalayAt360Pixels() {
        family("ms", 0, new Texts("Berapa orang termasuk anda?", "Untuk 4 orang", "Butiran pemohon",
                "Semak butiran temujanji anda", "Anda memilih 4 orang: tambah 3 lagi.", "Tambah orang lain", "Orang 2",
                "Simpan orang ini", "Masukkan tarikh lahir orang ini", "Sahkan tempahan?", "Anak"));
    }

    @Test
    void aFamilyOfFourBooksWithoutJavaScriptInEnglishAt360Pixels() {
        family("en", 1, new Texts("How many people, including you?", "For 4 people", "Applicant's details",
                "Check your appointment details", "You chose 4 people: add 3 more.", "Add another person",
                "Person 2", "Save this person", "Enter this person's date of birth", "Confirm booking?", "Child"));
    }

    record Texts(String people, String forFour, String details, String review, String missing, String add,
            String person2, String save, String dobMissing, String confirm, String child) {
    }

    private void family(String language, int dayIndex, Texts texts) {
        List<LocalDate> open = OpenPlaces.openDays(http, BRANCH, SERVICE);
        LocalDate day = open.get(dayIndex);
        String start = OpenPlaces.slots(http, BRANCH, SERVICE, day).get(0).get("start").asString();
        String second = OpenPlaces.slots(http, BRANCH, SERVICE, day).get(1).get("start").asString();
        // Four people in a slot of two places: two there, two in the slot right after it. Where four fit:
        List<String> fitting = new ArrayList<>();
        http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + day + "&groupSize=4").json()
                .forEach(slot -> fitting.add(slot.get("start").asString()));
        assertThat(fitting).contains(start).hasSizeLessThan(OpenPlaces.slots(http, BRANCH, SERVICE, day).size());
        List<String> documents = List.of(Applicants.nextMyKad(), Applicants.nextMyKad(), Applicants.nextMyKad(),
                Applicants.nextMyKad());
        List<String> names = List.of("Nur Aina binti Hassan", "Hassan bin Omar", "Adam bin Hassan", "Hana binti Hassan");

        try (Browser browser = Browser.start(false)) {
            browser.resize(360);
            WebDriver page = browser.driver();
            page.get(base() + "/book/service?branch=" + BRANCH + "&lang=" + language);
            page.findElement(By.cssSelector("input[name=service][value=" + SERVICE + "]")).click();
            follow(page, By.cssSelector("main button[type=submit]"));
            assertThat(heading(page)).isEqualTo(texts.people());
            assertFits(page, "people-" + language, browser);
            page.findElement(By.cssSelector("input[name=people][value='4']")).click();
            follow(page, By.cssSelector("main button[type=submit]"));
            assertThat(page.findElement(By.cssSelector("[data-group-size]")).getText()).startsWith(texts.forFour());
            follow(page, By.cssSelector(".month-nav a[rel=next]"));
            follow(page, By.cssSelector(".month-nav a[rel=next]"));
            follow(page, By.cssSelector("a.day[href$='date=" + day + "']"));
            assertThat(page.findElement(By.cssSelector("[data-group-size]")).getText()).startsWith(texts.forFour());
            assertThat(page.findElements(By.cssSelector("input[name=start]")).stream()
                    .map(radio -> radio.getDomAttribute("value")).toList()).isEqualTo(fitting);
            assertFits(page, "slots-for-four-" + language, browser);
            page.findElement(By.cssSelector("input[name=start][value='" + start + "']")).click();
            follow(page, By.cssSelector("main form button[type=submit]"));
            assertThat(page.getCurrentUrl()).matches(".*/book/holds/[0-9a-f-]{36}/details\\?people=4");
            String hold = page.getCurrentUrl().replaceFirst(".*/book/holds/([0-9a-f-]{36})/.*", "$1");
            assertThat(heading(page)).isEqualTo(texts.details());
            page.findElement(By.id("fullName")).sendKeys(names.get(0));
            page.findElement(By.cssSelector("input[name=documentType][value=MYKAD]")).click();
            page.findElement(By.id("documentNumber")).sendKeys(documents.get(0));
            page.findElement(By.id("email")).sendKeys("keluarga@example.my");
            page.findElement(By.id("phone")).sendKeys("012-345 6789");
            follow(page, By.cssSelector("#details-form button[type=submit]"));
            assertThat(heading(page)).isEqualTo(texts.review());
            assertThat(page.findElement(By.cssSelector("[data-people-missing]")).getText()).startsWith(texts.missing());
            assertFits(page, "review-" + language, browser);

            for (int person = 1; person < 4; person++) {
                follow(page, By.linkText(texts.add()));
                assertThat(page.getCurrentUrl()).endsWith("/book/holds/" + hold + "/people/" + person + "?people=4");
                if (person == 1) {
                    assertThat(heading(page)).as("the applicant is person 1").isEqualTo(texts.person2());
                }
                page.findElement(By.id("fullName")).sendKeys(names.get(person));
                page.findElement(By.cssSelector("input[name=documentType][value=MYKAD]")).click();
                page.findElement(By.id("documentNumber")).sendKeys(documents.get(person));
                page.findElement(By.cssSelector("input[name=relationship][value=" + (person == 1 ? "SPOUSE" : "CHILD")
                        + "]")).click();
                if (person == 2) {
                    // The date of birth forgotten: the message is next to that field, and in the summary.
                    follow(page, By.cssSelector("main form button[type=submit]"));
                    assertThat(page.findElement(By.id("dateOfBirth-error")).getText()).contains(texts.dobMissing());
                    assertThat(page.findElement(By.cssSelector(".error-summary a[href='#dateOfBirth']")).getText())
                            .isEqualTo(texts.dobMissing());
                    assertThat(page.findElements(By.id("fullName-error"))).isEmpty();
                    assertThat(page.findElement(By.id("fullName")).getDomProperty("value")).isEqualTo(names.get(person));
                    assertFits(page, "person-error-" + language, browser);
                }
                page.findElement(By.id("dateOfBirth")).sendKeys("1");
                page.findElement(By.id("dobMonth")).sendKeys("1");
                page.findElement(By.id("dobYear")).sendKeys("19" + documents.get(person).substring(0, 2));
                assertFits(page, "person-" + language, browser);
                follow(page, By.cssSelector("main form button[type=submit]"));
                assertThat(heading(page)).isEqualTo(texts.review());
            }

            List<WebElement> rows = page.findElements(By.cssSelector("[data-people] .summary__row"));
            assertThat(rows).hasSize(4);
            assertThat(rows.get(2).getText()).contains(names.get(2), texts.child());
            assertThat(rows.get(0).getText()).contains(start);
            assertThat(rows.get(1).getText()).contains(start);
            assertThat(rows.get(2).getText()).contains(second);
            assertThat(rows.get(3).getText()).contains(second);
            assertThat(page.findElements(By.linkText(texts.add()))).as("up to five more").hasSize(1);
            assertThat(page.findElements(By.cssSelector("[data-people-missing]"))).as("all four added").isEmpty();
            assertFits(page, "review-family-" + language, browser);

            follow(page, By.cssSelector("main a.button"));
            assertThat(heading(page)).isEqualTo(texts.confirm());
            assertThat(page.findElement(By.cssSelector("[data-people]")).getText()).contains(names.get(3), second);
            follow(page, By.cssSelector("main form button[type=submit]"));
            assertThat(page.getCurrentUrl()).contains("/slip/");
        }

        assertThat(jdbc.sql("""
                        SELECT string_agg(full_name || ' ' || start_time || ' ' || relationship, ',' ORDER BY group_position)
                        FROM appointment WHERE group_id = (SELECT group_id FROM appointment WHERE document_number = ?)""")
                .param(documents.get(0).replace("-", "")).query(String.class).single())
                .isEqualTo(names.get(0) + " " + start + ":00 SELF," + names.get(1) + " " + start + ":00 SPOUSE,"
                        + names.get(2) + " " + second + ":00 CHILD," + names.get(3) + " " + second + ":00 CHILD");
    }

    /** Nothing wider than the phone: no sideways scrolling at 360 px. */
    private static void assertFits(WebDriver page, String name, Browser browser) {
        Object width = ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as(name + " at 360 px (" + browser.screenshot(name) + ")")
                .isLessThanOrEqualTo(360);
    }

    private static String heading(WebDriver page) {
        List<WebElement> h1 = page.findElements(By.cssSelector("main h1"));
        return h1.isEmpty() ? "(no page heading: " + page.getTitle() + ")" : h1.get(0).getText().strip();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
