package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.CatalogueChanges;
import my.gov.temujanji.schedule.ScheduleAdministration;
import my.gov.temujanji.schedule.WeeklyHours;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.BranchFixture;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking pages asked for a group size (issue 19): the question before the calendar, and the
 * calendar and the slots showing only where the whole group fits. A branch of its own: on Mondays two
 * slots of three places with a gap between them (no run for a group), on Tuesdays two slots of three
 * places one after the other.
 */
@IntegrationTest
class GroupSizePagesTest {

    static final String SERVICE = "BKP";
    static final LocalDate MONDAY = LocalDate.of(2026, 9, 14);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Catalogue catalogue;
    @Autowired
    CatalogueChanges changes;
    @Autowired
    ScheduleAdministration schedule;
    @Autowired
    TransactionTemplate transaction;

    Http http;
    String branch;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        branch = new BranchFixture(changes, catalogue, transaction).branch(SERVICE).code();
        transaction.executeWithoutResult(status -> {
            changes.save(new CatalogueChanges.OfferingSettings(branch, SERVICE, 30, 3, true));
            // Investigation cases: nobody may be added.
            changes.save(new CatalogueChanges.OfferingSettings(branch, "OSP", 30, 3, true));
            schedule.lockBranch(branch);
            schedule.replaceHours(branch, new WeeklyHours(Map.of(
                    DayOfWeek.MONDAY, List.of(WeeklyHours.Interval.parse("08:00-08:30"),
                            WeeklyHours.Interval.parse("09:00-09:30")),
                    DayOfWeek.TUESDAY, List.of(WeeklyHours.Interval.parse("08:00-09:00")))));
        });
    }

    @Test
    void theQuestionComesAfterTheTransactionTypeOnlyWhenTheTypeLetsOthersBeAdded() {
        assertThat(http.get("/book/service?branch=" + branch).body()).contains("action=\"/book/people\"");
        String question = http.get("/book/people?branch=" + branch + "&service=" + SERVICE).body();
        assertThat(question).contains("<h1 class=\"heading\">Berapa orang termasuk anda?</h1>",
                "Paling ramai 6 orang", "1 orang (anda sahaja)", "value=\"6\"", "action=\"/book/date\"",
                "name=\"asked\"", "aria-describedby=\"people-hint\"")
                .doesNotContain("value=\"7\"", "error-summary");
        assertThat(http.get("/book/people?branch=" + branch + "&service=" + SERVICE + "&lang=en").body())
                .contains("How many people, including you?", "Up to 6 people", "1 (just you)", "4 people");

        Http.Response none = http.get("/book/people?branch=" + branch + "&service=OSP");
        assertThat(none.status()).isEqualTo(302);
        assertThat(path(none.header("Location"))).isEqualTo("/book/date?branch=" + branch + "&service=OSP");
    }

    @Test
    void aMissingAnswerAsksAgainWithItsErrorInMalayAndEnglish() {
        String malay = http.get("/book/date?branch=" + branch + "&service=" + SERVICE + "&asked=people").body();
        assertThat(malay).contains("<a href=\"#people\">Pilih berapa orang termasuk anda</a>", "id=\"people-error\"",
                "aria-describedby=\"people-hint people-error\"", "<title>Ralat: Berapa orang termasuk anda?",
                "Berapa orang termasuk anda?");
        String english = http.get("/book/date?branch=" + branch + "&service=" + SERVICE + "&asked=people&lang=en")
                .body();
        assertThat(english).contains("<a href=\"#people\">Choose how many people, including you</a>",
                "id=\"people-error\"", "How many people, including you?");
        // A link that never asked (a bookmark, an e-mail) is for one person.
        assertThat(http.get("/book/date?branch=" + branch + "&service=" + SERVICE).body())
                .contains("Pilih tarikh temujanji").doesNotContain("error-summary", "data-group-size");
    }

    @Test
    void badGroupSizesGetA400InTheReadersLanguageNeverA500() {
        String date = "/book/date?branch=" + branch + "&service=" + SERVICE + "&people=";
        String slots = "/book/slots?branch=" + branch + "&service=" + SERVICE + "&date=" + MONDAY + "&people=";
        for (String path : List.of(date + "0", date + "7", date + "-1", date + "four", date + "99999999999",
                slots + "0", slots + "7", slots + "four", slots + "1e3",
                "/book/people?branch=" + branch + "&service=" + SERVICE + "&people=x",
                "/book/holds/6f1c1d2e-0000-4000-8000-000000000000/review?people=x")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("<html lang=\"ms\"").doesNotContain("Exception", "at my.gov");
        }
        Http.Response english = http.get(date + "7&lang=en");
        assertThat(english.body()).contains("<html lang=\"en\"", "A group must be 1 to 6 people.");
        Http.Response hold = http.postForm("/book/holds", Map.of("branch", branch, "service", SERVICE,
                "date", MONDAY.toString(), "start", "08:00", "people", "lots"));
        assertThat(hold.status()).isEqualTo(400);
    }

    @Test
    void aSlotWithThreeFreePlacesIsOfferedToThreeButNotToFour() {
        String three = slotsPage(MONDAY, 3);
        assertThat(three).contains("value=\"08:00\"", "value=\"09:00\"", "Untuk 3 orang",
                "<input type=\"hidden\" name=\"people\" value=\"3\">");
        String four = slotsPage(MONDAY, 4);
        assertThat(four).doesNotContain("value=\"08:00\"", "value=\"09:00\"")
                .contains("Tiada slot pada tarikh ini yang ada tempat untuk 4 orang.");
        // Two slots right after one another take four: from the first only, which the second completes.
        String tuesday = slotsPage(TUESDAY, 4);
        assertThat(tuesday).contains("value=\"08:00\"").doesNotContain("value=\"08:30\"");
        assertThat(http.get("/book/slots?branch=" + branch + "&service=" + SERVICE + "&date=" + TUESDAY
                + "&people=4&lang=en").body()).contains("For 4 people");
        assertThat(slotsPage(TUESDAY, 1)).contains("value=\"08:00\"", "value=\"08:30\"")
                .doesNotContain("data-group-size", "name=\"people\"");
    }

    @Test
    void aDayWhereNoSlotOrRunOfSlotsFitsTheGroupIsNotOpenForIt() {
        String four = calendar(4);
        assertThat(four).doesNotContain(slotsLink(MONDAY, 4)).contains(slotsLink(TUESDAY, 4), "Untuk 4 orang",
                "href=\"/book/date?branch=" + branch + "&amp;service=" + SERVICE + "&amp;people=4&amp;month=2026-10\"",
                "href=\"/book/people?branch=" + branch + "&amp;service=" + SERVICE + "&amp;people=4\"");
        assertThat(calendar(3)).contains(slotsLink(MONDAY, 3), slotsLink(TUESDAY, 3));
    }

    @Test
    void theGroupChosenIsCarriedToTheReviewWhichSaysHowManyAreStillToBeAdded() {
        Http.Response held = http.postForm("/book/holds", Map.of("branch", branch, "service", SERVICE,
                "date", TUESDAY.toString(), "start", "08:00", "people", "4"));
        assertThat(held.status()).isEqualTo(303);
        String details = path(held.header("Location"));
        assertThat(details).matches("/book/holds/[0-9a-f-]{36}/details\\?people=4");
        String hold = details.substring("/book/holds/".length(), details.indexOf("/details"));
        assertThat(http.get(details).body()).contains("<input type=\"hidden\" name=\"people\" value=\"4\">");

        Map<String, String> applicant = new HashMap<>(Map.of("fullName", "Nur Aina binti Hassan",
                "documentType", "MYKAD", "documentNumber", Applicants.nextMyKad(), "nationality", "",
                "email", "keluarga@contoh.my", "phone", "012-345 6789", "people", "4"));
        Http.Response saved = http.postForm("/book/holds/" + hold + "/details", applicant);
        assertThat(path(saved.header("Location"))).isEqualTo("/book/holds/" + hold + "/review?people=4");
        String review = http.get("/book/holds/" + hold + "/review?people=4").body();
        assertThat(review).contains("Anda memilih 4 orang: tambah 3 lagi.",
                "href=\"/book/holds/" + hold + "/people/1?people=4\"", "href=\"/book/holds/" + hold + "/confirm?people=4\"");
        assertThat(http.get("/book/holds/" + hold + "/review?people=4&lang=en").body())
                .contains("You chose 4 people: add 3 more.");

        String spouse = Applicants.nextMyKad(); // born on 1 January of the year it starts with
        Http.Response added = http.postForm("/book/holds/" + hold + "/people/1", Map.of("fullName", "Hassan bin Omar",
                "documentType", "MYKAD", "documentNumber", spouse, "nationality", "", "dobDay", "1",
                "dobMonth", "1", "dobYear", "19" + spouse.substring(0, 2), "relationship", "SPOUSE", "people", "4"));
        assertThat(added.status()).isEqualTo(303);
        assertThat(path(added.header("Location"))).isEqualTo("/book/holds/" + hold + "/review?people=4");
        assertThat(http.get("/book/holds/" + hold + "/review?people=4").body()).contains("Anda memilih 4 orang: tambah 2 lagi.");
        // Going on with fewer is the applicant's choice: no reminder for a link that chose none.
        assertThat(http.get("/book/holds/" + hold + "/review").body()).doesNotContain("data-people-missing");

        // Changing the slot shows it for the size chosen, the two still to be added included, and carries it on.
        assertThat(review).contains("href=\"/book/slots?branch=" + branch + "&amp;service=" + SERVICE + "&amp;date="
                + TUESDAY + "&amp;from=" + hold + "&amp;people=4\"");
        String change = http.get("/book/slots?branch=" + branch + "&service=" + SERVICE + "&date=" + TUESDAY
                + "&from=" + hold + "&people=4").body();
        assertThat(change).contains("Untuk 4 orang", "value=\"08:00\"", "<input type=\"hidden\" name=\"people\" value=\"4\">");
        // ... and for at least the hold's own two people, whatever the link says.
        assertThat(http.get("/book/slots?branch=" + branch + "&service=" + SERVICE + "&date=" + MONDAY
                + "&from=" + hold).body()).contains("Untuk 2 orang", "value=\"08:00\"").doesNotContain("name=\"people\"");
        assertThat(http.get("/book/date?branch=" + branch + "&service=" + SERVICE + "&from=" + hold + "&people=1&month=2026-09")
                .body()).contains("Untuk 2 orang");
    }

    private String slotsPage(LocalDate day, int people) {
        return http.get("/book/slots?branch=" + branch + "&service=" + SERVICE + "&date=" + day + "&people=" + people)
                .body();
    }

    private String calendar(int people) {
        return http.get("/book/date?branch=" + branch + "&service=" + SERVICE + "&people=" + people + "&month=2026-09")
                .body();
    }

    private String slotsLink(LocalDate day, int people) {
        return "href=\"/book/slots?branch=" + branch + "&amp;service=" + SERVICE + "&amp;people=" + people
                + "&amp;date=" + day + "\"";
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
