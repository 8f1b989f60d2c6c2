package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Semak, batal, tukar temujanji over real HTTP, as a browser without JavaScript sends it. Uses
 * JHR-JOHOR-BAHRU's first transaction type on 5-9 October 2026, one day or slot per test.
 */
@IntegrationTest
class SelfServicePagesTest {

    static final String BRANCH = "JHR-JOHOR-BAHRU";
    static final String MANAGE = "/appointments/manage";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String service;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
        service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
    }

    @Test
    void theLandingPageAndTheEmailLinkLeadToTheLookUpForm() {
        assertThat(http.get("/").body()).contains("href=\"/appointments/manage\"", "Semak, batal atau tukar temujanji");
        String form = http.get(MANAGE + "?reference=ABCDE-FGH23").body();
        assertThat(form).contains("method=\"post\" action=\"/appointments/manage\"", "<label class=\"label\" for=\"reference\"",
                "<label class=\"label\" for=\"documentNumber\"", "value=\"ABCDE-FGH23\"", "Nombor MyKad atau pasport");
        assertThat(http.get(MANAGE + "?lang=en").body()).contains("<html lang=\"en\"", "Check, cancel or change an appointment",
                "MyKad or passport number");
    }

    @Test
    void aWrongDocumentNumberShowsOneErrorAndNoDetailsInBothLanguages() {
        LocalDate day = LocalDate.of(2026, 10, 5);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, slot(day, 0), myKad);
        String wrong = Applicants.nextMyKad();

        Http.Response malay = http.postForm(MANAGE, Map.of("reference", reference, "documentNumber", wrong));
        assertThat(malay.status()).isEqualTo(200);
        assertThat(errorSummaryLinks(malay.body())).containsExactly("#reference=Tiada temujanji dengan nombor rujukan "
                + "dan nombor dokumen ini. Semak kedua-duanya dan cuba lagi.");
        assertThat(malay.body())
                .contains("<title>Ralat: Semak, batal atau tukar temujanji", "value=\"" + reference + "\"",
                        "value=\"" + wrong + "\"")
                .containsPattern("id=\"reference\"[^>]*aria-describedby=\"reference-hint reference-error\"")
                .containsPattern("id=\"documentNumber\"[^>]*aria-describedby=\"documentNumber-hint documentNumber-error\"")
                .doesNotContain("Siti Nur Aisyah", "Johor Bahru", "data-cancel");
        assertThat(malay.header("Cache-Control")).contains("no-store");

        Http.Response english = http.postForm(MANAGE + "?lang=en", Map.of("reference", "ZZZZZZZZZZ", "documentNumber", myKad));
        assertThat(errorSummaryLinks(english.body())).containsExactly("#reference=There is no appointment with this "
                + "reference number and document number. Check both and try again.");
        assertThat(english.body()).contains("<html lang=\"en\"", "There is a problem").doesNotContain("Siti Nur Aisyah");

        Http.Response empty = http.postForm(MANAGE + "?lang=ms", Map.of("reference", " ", "documentNumber", ""));
        assertThat(errorSummaryLinks(empty.body())).containsExactly(
                "#reference=Masukkan nombor rujukan temujanji", "#documentNumber=Masukkan nombor MyKad atau pasport anda");
        assertThat(errorSummaryLinks(http.postForm(MANAGE + "?lang=en", Map.of("reference", reference)).body()))
                .containsExactly("#documentNumber=Enter your MyKad or passport number");
    }

    @Test
    void theRightPairShowsTheAppointmentAndCancellingAfterTheQuestionGivesThePlaceBack() {
        LocalDate day = LocalDate.of(2026, 10, 6);
        LocalTime start = slot(day, 1);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, start, myKad);
        int takenBefore = taken(day, start);

        // Typed as a person would: lower case, with the dash, the MyKad without dashes. The answer is a
        // 303 to the appointment page under a draft id: the pair stays on the server, out of addresses.
        Http.Response looked = http.postForm(MANAGE + "?lang=ms", Map.of("reference",
                Reference.display(reference).toLowerCase(), "documentNumber", myKad.replace("-", "")));
        String draft = draftPath(looked);
        assertThat(jdbc.sql("SELECT reference || ' ' || document_number FROM manage_draft WHERE id = ?::uuid")
                .param(draft.substring(draft.lastIndexOf('/') + 1)).query(String.class).single())
                .isEqualTo(reference + " " + myKad.replace("-", ""));
        Http.Response found = http.get(draft);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.header("Cache-Control")).contains("no-store");
        assertThat(found.body())
                .contains("Temujanji anda", "Status: Disahkan", Reference.display(reference),
                        "Pejabat Imigresen Negeri Johor, Johor Bahru", "Selasa, 6 Oktober 2026",
                        "******-**-" + myKad.substring(myKad.length() - 4), "href=\"/slip/" + reference + "\"",
                        "href=\"/slip/" + reference + "/slip.pdf\"", "Batal temujanji", "Tukar tarikh/masa",
                        "href=\"" + draft + "/cancel\"", "href=\"" + draft + "/reschedule\"",
                        // the language switch stays on this page
                        "href=\"" + draft + "?lang=en\"")
                .doesNotContain("?documentNumber", "&amp;documentNumber", myKad.replace("-", ""));
        assertThat(http.get(draft + "?lang=en").body()).contains("Your appointment", "Status: Confirmed");

        Http.Response question = http.get(draft + "/cancel?lang=ms");
        assertThat(question.body()).contains("Adakah anda pasti mahu membatalkan temujanji ini?",
                "action=\"" + draft + "/cancel\"", "href=\"" + draft + "\"");
        assertThat(status(reference)).as("the question changes nothing").isEqualTo("CONFIRMED");

        Http.Response done = http.postForm(draft + "/cancel", Map.of());
        assertThat(done.status()).isEqualTo(303);
        String result = path(done.header("Location"));
        assertThat(result).isEqualTo(MANAGE + "/cancelled?reference=" + reference);
        assertThat(http.get(result).body()).contains("Temujanji dibatalkan", "E-mel yang mengesahkan pembatalan ini");
        assertThat(status(reference)).isEqualTo("CANCELLED");
        assertThat(taken(day, start)).isEqualTo(takenBefore - 1);

        // Sent again (back button, double click): a plain message, the place is not given back twice.
        Http.Response again = http.postForm(draft + "/cancel?lang=en", Map.of());
        assertThat(again.status()).isEqualTo(303);
        assertThat(path(again.header("Location"))).isEqualTo(draft + "?notice=notActive");
        assertThat(http.get(path(again.header("Location")) + "&lang=en").body())
                .contains("This appointment has been cancelled. It can no longer be cancelled or changed.",
                        "Status: Cancelled").doesNotContain("data-cancel");
        assertThat(taken(day, start)).isEqualTo(takenBefore - 1);
        assertThat(http.get(draftPath(http.postForm(MANAGE + "?lang=ms", pair(reference, myKad)))).body())
                .contains("Status: Dibatalkan").doesNotContain("data-cancel", "data-reschedule");
    }

    @Test
    void reschedulingToAFreeSlotMovesTheAppointmentAndToAFullOneChangesNothing() {
        LocalDate day = LocalDate.of(2026, 10, 7);
        LocalDate newDay = LocalDate.of(2026, 10, 8);
        LocalTime from = slot(day, 2);
        LocalTime full = slot(newDay, 3);
        LocalTime free = slot(newDay, 4);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, from, myKad);
        fill(newDay, full);
        String draft = draftPath(http.postForm(MANAGE, pair(reference, myKad)));

        String calendar = http.get(draft + "/reschedule").body();
        assertThat(calendar).contains("Pilih tarikh baharu", "Oktober 2026",
                "href=\"" + draft + "/reschedule/slots?date=2026-10-08\"", "href=\"" + draft + "/reschedule?month=");
        String slots = http.get(draft + "/reschedule/slots?date=" + newDay).body();
        assertThat(slots).contains("Pilih slot masa baharu", "Khamis, 8 Oktober 2026", "action=\"" + draft + "/reschedule\"")
                .containsPattern("value=\"" + full + "\"[^>]*disabled=\"disabled\"")
                .containsPattern("value=\"" + free + "\"(?![^>]*disabled)");

        Http.Response refused = http.postForm(draft + "/reschedule",
                Map.of("date", newDay.toString(), "start", full.toString()));
        assertThat(refused.status()).isEqualTo(303);
        Http.Response refusedPage = http.get(path(refused.header("Location")));
        assertThat(refusedPage.status()).isEqualTo(200);
        assertThat(errorSummaryLinks(refusedPage.body())).containsExactly(
                "#start=Slot itu baru sahaja penuh. Temujanji anda tidak berubah. Sila pilih slot lain.");
        assertThat(refusedPage.body()).contains("Pilih slot masa baharu", "id=\"start-error\"");
        assertThat(dayAndStart(reference)).isEqualTo(day + " " + from);
        assertThat(status(reference)).isEqualTo("CONFIRMED");

        int takenFrom = taken(day, from);
        Http.Response moved = http.postForm(draft + "/reschedule",
                Map.of("date", newDay.toString(), "start", free.toString()));
        assertThat(moved.status()).isEqualTo(303);
        String result = path(moved.header("Location"));
        assertThat(result).isEqualTo(MANAGE + "/rescheduled?reference=" + reference);
        assertThat(http.get(result).body()).contains("Temujanji ditukar", "Khamis, 8 Oktober 2026",
                free + " – " + free.plusMinutes(slotMinutes()), "href=\"/slip/" + reference + "\"");
        assertThat(dayAndStart(reference)).isEqualTo(newDay + " " + free);
        assertThat(taken(day, from)).isEqualTo(takenFrom - 1);

        Http.Response same = http.postForm(draft + "/reschedule?lang=en",
                Map.of("date", newDay.toString(), "start", free.toString()));
        assertThat(errorSummaryLinks(http.get(path(same.header("Location")) + "&lang=en").body()))
                .containsExactly("#start=This is your appointment's slot now. Choose another slot.");
    }

    @Test
    void anAppointmentWhoseTimeHasComeShowsWhyItCannotBeChanged() {
        LocalDate day = LocalDate.of(2026, 10, 9);
        LocalTime start = slot(day, 5);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, start, myKad);
        clock.set(LocalDateTime.of(day, start).plusMinutes(1));
        String draft = draftPath(http.postForm(MANAGE, pair(reference, myKad)));

        assertThat(http.get(draft).body()).contains("Status: Disahkan").doesNotContain("data-cancel");
        Http.Response late = http.postForm(draft + "/cancel", Map.of());
        assertThat(late.status()).isEqualTo(303);
        assertThat(http.get(path(late.header("Location"))).body()).contains("Waktu temujanji ini telah tiba atau berlalu.");
        assertThat(status(reference)).isEqualTo("CONFIRMED");
        assertThat(http.get(draft + "/reschedule").body()).contains("Waktu temujanji ini telah tiba");
    }

    @Test
    void theDraftExpiresAfterHalfAnHourUnusedAndThePagesThenAskForTheLookUpAgain() {
        LocalDate day = LocalDate.of(2026, 10, 9);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, slot(day, 7), myKad);
        String draft = draftPath(http.postForm(MANAGE, pair(reference, myKad)));

        clock.advance(Duration.ofMinutes(29));
        assertThat(http.get(draft + "/cancel").status()).as("each use keeps it 30 minutes longer").isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(http.get(draft).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        for (Http.Response expired : List.of(http.get(draft), http.get(draft + "/reschedule"),
                http.postForm(draft + "/cancel", Map.of()), http.get(MANAGE + "/" + UUID.randomUUID()))) {
            assertThat(expired.status()).isEqualTo(303);
            assertThat(path(expired.header("Location"))).isEqualTo(MANAGE + "?notice=expired");
        }
        assertThat(http.get(MANAGE + "?notice=expired&lang=en").body()).contains("data-notice",
                "For your security, this page has expired.");
        assertThat(status(reference)).isEqualTo("CONFIRMED");
    }

    @Test
    void unknownOrMalformedInputNeverGivesA500() {
        LocalDate day = LocalDate.of(2026, 10, 9);
        String myKad = Applicants.nextMyKad();
        String reference = book(day, slot(day, 6), myKad);
        String draft = draftPath(http.postForm(MANAGE, pair(reference, myKad)));

        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put(MANAGE, Map.of("reference", "x".repeat(5000), "documentNumber", "<script>"));
        posts.put(MANAGE + "/not-a-draft/cancel", Map.of());
        posts.put(draft + "/reschedule", Map.of("date", "2026-02-30"));
        posts.put(draft + "/reschedule?x", Map.of("date", "2026-10-11", "start", "09:00"));
        posts.put(draft + "/reschedule?y", Map.of("date", "", "start", ""));
        posts.forEach((path, form) -> {
            Http.Response response = http.postForm(path, form);
            assertThat(response.status()).as(path).isIn(200, 303, 400, 404);
            assertThat(response.body()).as(path).doesNotContain("Exception", "at my.gov");
            if (response.status() != 303) {
                assertThat(response.body()).as(path).contains("class=\"site-header\"");
            }
        });
        assertThat(http.postForm(draft + "/reschedule", Map.of("date", "2026-10-08", "start", "25:99")).status())
                .isEqualTo(400);
        for (String path : List.of(MANAGE + "/cancelled?reference=ZZZZZZZZZZ", MANAGE + "/rescheduled",
                MANAGE + "?reference=%3Cb%3E", MANAGE + "/cancel", draft + "/reschedule?month=Oktober",
                draft + "/reschedule/slots?date=2027-12-01", draft + "/reschedule/slots?date=2026-10-08&error=%3Cb%3E",
                draft + "?notice=%3Cb%3E")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isIn(200, 400, 404, 405);
            assertThat(response.body()).as(path).doesNotContain("Exception", "at my.gov", "<b>");
        }
        assertThat(status(reference)).isEqualTo("CONFIRMED");
    }

    // ------------------------------------------------------------------------------------------------

    private String book(LocalDate day, LocalTime start, String myKad) {
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", day.toString(), "start", start.toString(), "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }

    /** Books every place left in a slot. */
    private void fill(LocalDate day, LocalTime start) {
        while (placesLeft(day, start) > 0) {
            book(day, start, Applicants.nextMyKad());
        }
    }

    private JsonNode slots(LocalDate day) {
        return http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + day).json();
    }

    private LocalTime slot(LocalDate day, int index) {
        return LocalTime.parse(slots(day).get(index).get("start").asString());
    }

    private int placesLeft(LocalDate day, LocalTime start) {
        for (JsonNode slot : slots(day)) {
            if (slot.get("start").asString().equals(start.toString())) {
                return slot.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot " + start);
    }

    private int slotMinutes() {
        for (JsonNode s : http.get("/api/v1/branches/" + BRANCH + "/services").json()) {
            if (s.get("code").asString().equals(service)) {
                return s.get("slotMinutes").asInt();
            }
        }
        throw new AssertionError(service);
    }

    private int taken(LocalDate day, LocalTime start) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, service, day, start).query(Integer.class).single();
    }

    private String status(String reference) {
        return jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference).query(String.class).single();
    }

    private String dayAndStart(String reference) {
        return jdbc.sql("SELECT day || ' ' || to_char(start_time, 'HH24:MI') FROM appointment WHERE reference = ?")
                .param(reference).query(String.class).single();
    }

    private static Map<String, String> pair(String reference, String documentNumber) {
        return Map.of("reference", reference, "documentNumber", documentNumber);
    }

    /** The appointment page a successful look-up leads to: a draft's address, never the document number. */
    private static String draftPath(Http.Response lookedUp) {
        assertThat(lookedUp.status()).as(lookedUp.body()).isEqualTo(303);
        String draft = path(lookedUp.header("Location"));
        assertThat(draft).matches(MANAGE + "/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        return draft;
    }

    /** The error summary's entries as {@code href=text}. */
    private static List<String> errorSummaryLinks(String page) {
        int start = page.indexOf("class=\"error-summary\"");
        if (start < 0) {
            return List.of();
        }
        String summary = page.substring(start, page.indexOf("</ul>", start));
        Matcher links = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(summary);
        return links.results().map(m -> m.group(1) + "=" + m.group(2).replace("&#39;", "'").replace("&amp;", "&")).toList();
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
