package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.booking.internal.HoldSweeper;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The applicant pages over real HTTP, without a browser: what a person without JavaScript gets.
 * Uses HQ-PJY and JHR-JOHOR-BAHRU in August 2026, one day or slot per test, so tests sharing the
 * database do not meet.
 */
@IntegrationTest
class BookingPagesTest {

    static final String HQ = "HQ-PJY";
    static final String JOHOR = "JHR-JOHOR-BAHRU";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HoldSweeper sweeper;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
    }

    @Test
    void anApplicantGoesFromTheLandingPageToTheSlip() {
        assertThat(http.get("/").body()).contains("href=\"/book/department\"", "TERUSKAN", "percuma");
        assertThat(http.get("/book/department").body()).contains("value=\"HQ\"");
        assertThat(http.get("/book/branch?department=HQ").body()).contains("value=\"HQ-PJY\"", "Persiaran Perdana");
        assertThat(http.get("/book/service?branch=HQ-PJY").body()).contains("value=\"BKE\"");

        String calendar = http.get("/book/date?branch=HQ-PJY&service=BKE&month=2026-08").body();
        assertThat(calendar)
                .contains("<table class=\"calendar\">", ">Isn</abbr>", "Ogos 2026")
                .contains("href=\"/book/slots?branch=HQ-PJY&amp;service=BKE&amp;date=2026-08-04\"")
                .contains("Hari Kebangsaan"); // 31 August, in the month's closures under the calendar

        String slots = http.get("/book/slots?branch=HQ-PJY&service=BKE&date=2026-08-04").body();
        assertThat(slots).contains("name=\"start\"", "value=\"09:00\"", "Selasa, 4 Ogos 2026");

        String details = holdSlot(HQ, "BKE", "2026-08-04", "09:00");
        Http.Response saved = http.postForm(details, applicant("Nurul Huda binti Ahmad", "880412-10-5102"));
        assertThat(saved.status()).isEqualTo(303);
        String review = path(saved.header("Location"));
        assertThat(review).endsWith("/review");
        assertThat(http.get(review).body()).contains("Nurul Huda binti Ahmad", "880412105102", "+60123456789",
                "HANTAR", "Persiaran Perdana");
        String confirm = review.replace("/review", "/confirm");
        assertThat(http.get(confirm).body()).contains("Sahkan tempahan?", "method=\"post\"", ">OK</button>");

        Http.Response booked = http.postForm(confirm, Map.of());
        assertThat(booked.status()).isEqualTo(303);
        String slipPath = path(booked.header("Location"));
        assertThat(slipPath).matches("/slip/[2-9A-HJ-NP-Z]{10}");
        String slip = http.get(slipPath).body();
        assertThat(slip)
                .containsPattern(">[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}</p>")
                .contains("Ibu Pejabat Imigresen Malaysia, Putrajaya", "Bahagian Khidmat Ekspatriat",
                        "Selasa, 4 Ogos 2026", "09:00 – 09:30", "Nurul Huda binti Ahmad", "******-**-5102",
                        "sekurang-kurangnya 30 minit");
        Http.Response qr = http.get(slipPath + "/qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg").contains("<path");
    }

    @Test
    void anEmptyDetailsFormListsEveryProblemInMalay() {
        String details = holdSlot(HQ, "BKE", "2026-08-11", "08:00");
        String page = withErrors(details, applicant("", "", "", "", "", ""), "ms");

        assertThat(errorSummaryLinks(page)).containsExactly(
                "#fullName=Masukkan nama penuh seperti dalam dokumen pengenalan anda",
                "#documentType=Pilih jenis dokumen: MyKad atau pasport",
                "#documentNumber=Masukkan nombor dokumen anda",
                "#email=Masukkan alamat e-mel anda",
                "#phone=Masukkan nombor telefon bimbit anda");
        assertThat(page).contains("<title>Ralat: Butiran pemohon", "role=\"alert\"", "Terdapat masalah");
        assertFieldMessage(page, "fullName", "Masukkan nama penuh seperti dalam dokumen pengenalan anda");
        assertFieldMessage(page, "phone", "Masukkan nombor telefon bimbit anda");
        assertThat(page).containsPattern("id=\"fullName\"[^>]*aria-describedby=\"fullName-error\"");
        assertThat(page).containsPattern("aria-describedby=\"documentNumber-hint documentNumber-error\"");
    }

    @Test
    void anEmptyDetailsFormListsEveryProblemInEnglish() {
        String details = holdSlot(HQ, "BKE", "2026-08-11", "08:30");
        String page = withErrors(details + "?lang=en", applicant("", "", "", "", "", ""), "en");

        assertThat(errorSummaryLinks(page)).containsExactly(
                "#fullName=Enter your full name as it is on your identity document",
                "#documentType=Select the type of document: MyKad or passport",
                "#documentNumber=Enter your document number",
                "#email=Enter your email address",
                "#phone=Enter your mobile phone number");
        assertThat(page).contains("<html lang=\"en\"", "<title>Error: Applicant&#39;s details", "There is a problem");
        assertFieldMessage(page, "email", "Enter your email address");
    }

    @Test
    void detailsWithErrorsAreShownAgainAsTypedAndKeptOnTheHold() {
        String details = holdSlot(HQ, "BKE", "2026-08-11", "09:00");
        String page = withErrors(details,
                applicant("Lim Wei Ming", "PASSPORT", "k1234567", "SGP", "lim.example.sg", "+65 8123 4567"), "ms");

        assertThat(errorSummaryLinks(page)).containsExactly(
                "#email=Masukkan alamat e-mel dalam format yang betul, contohnya nama@contoh.my");
        assertThat(page)
                .contains("value=\"Lim Wei Ming\"", "value=\"k1234567\"", "value=\"lim.example.sg\"",
                        "value=\"+65 8123 4567\"")
                .containsPattern("value=\"PASSPORT\"\\s+checked=\"checked\"")
                .containsPattern("value=\"SGP\"\\s+selected=\"selected\">Singapura<");
        // The draft survives: the same page opened again (or after a new hold) shows what was typed.
        assertThat(http.get(details).body()).contains("value=\"Lim Wei Ming\"", "value=\"lim.example.sg\"");
    }

    @Test
    void aSlotTakenMeanwhileShowsTheSlotsAgainWithAnError() {
        takeWithTheApi(JOHOR, "OSP", "2026-08-06", "10:00"); // OSP at Johor Bahru has one place per slot

        Http.Response page = http.postForm("/book/holds",
                Map.of("branch", JOHOR, "service", "OSP", "date", "2026-08-06", "start", "10:00"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(errorSummaryLinks(page.body())).containsExactly(
                "#start=Slot itu baru sahaja diambil oleh pemohon lain. Sila pilih slot lain.");
        assertThat(page.body()).containsPattern("value=\"10:00\"[^>]*disabled=\"disabled\"");
        assertThat(page.body()).contains("value=\"11:00\"");
    }

    @Test
    void aHoldThatRanOutWhileItsSlotFilledLeadsBackToTheSlotsWithTheDetailsKept() {
        String details = holdSlot(JOHOR, "OSP", "2026-08-10", "10:00");
        String holdId = details.split("/")[3];
        assertThat(http.postForm(details, applicant("Tan Mei Ling", "880412-10-5204")).status()).isEqualTo(303);

        clock.advance(Duration.ofMinutes(11));
        sweeper.sweep();
        takeWithTheApi(JOHOR, "OSP", "2026-08-10", "10:00");
        Http.Response confirmed = http.postForm("/book/holds/" + holdId + "/confirm", Map.of());

        assertThat(confirmed.status()).isEqualTo(303);
        String slots = path(confirmed.header("Location"));
        assertThat(slots).startsWith("/book/slots?branch=JHR-JOHOR-BAHRU&service=OSP&date=2026-08-10&from=" + holdId);
        assertThat(http.get(slots).body()).contains("Masa simpanan slot anda telah tamat dan slot itu kini penuh. "
                + "Sila pilih slot lain; butiran anda disimpan.", "name=\"from\" value=\"" + holdId + "\"");
        assertThat(http.get(slots + "&lang=en").body()).contains("the slot is now full");

        Http.Response newHold = http.postForm("/book/holds", Map.of("branch", JOHOR, "service", "OSP",
                "date", "2026-08-10", "start", "11:00", "from", holdId));
        assertThat(newHold.status()).isEqualTo(303);
        assertThat(http.get(path(newHold.header("Location"))).body())
                .contains("value=\"Tan Mei Ling\"", "value=\"880412-10-5204\"", "11:00 – 12:00");
    }

    @Test
    void confirmingTwiceBooksOneAppointment() {
        String details = holdSlot(HQ, "BKE", "2026-08-05", "09:00");
        String name = "Muthu a/l Ramasamy";
        http.postForm(details, applicant(name, "880412-10-5306"));
        String confirm = details.replace("/details", "/confirm");

        CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> http.postForm(confirm, Map.of()));
        CompletableFuture<Http.Response> second = CompletableFuture.supplyAsync(() -> http.postForm(confirm, Map.of()));
        Http.Response again = http.postForm(confirm, Map.of());

        assertThat(List.of(first.join(), second.join(), again)).allSatisfy(r -> assertThat(r.status()).isEqualTo(303));
        assertThat(first.join().header("Location")).startsWith("/slip/")
                .isEqualTo(second.join().header("Location")).isEqualTo(again.header("Location"));
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE full_name = ?").param(name).query(Integer.class)
                .single()).isEqualTo(1);
        // The hold's pages, opened again with the back button, lead to the slip.
        assertThat(http.get(details.replace("/details", "/review")).header("Location")).endsWith(
                first.join().header("Location"));
    }

    @Test
    void aSecondAppointmentForTheSameDocumentAndServiceIsRefusedAndOnlyItsOwnerIsToldOfTheFirst() {
        String first = holdSlot(HQ, "BKE", "2026-08-18", "09:00");
        http.postForm(first, applicant("Aisyah binti Omar", "880412-10-5408"));
        assertThat(http.postForm(first.replace("/details", "/confirm"), Map.of()).status()).isEqualTo(303);

        String second = holdSlot(HQ, "BKE", "2026-08-19", "10:00");
        http.postForm(second, applicant("Aisyah binti Omar", "880412-10-5408"));
        Http.Response refused = http.postForm(second.replace("/details", "/confirm"), Map.of());

        // Whoever typed the document may not be its owner: nothing of the first appointment is shown, and
        // its owner is e-mailed it (once a day, however often someone tries).
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Anda sudah mempunyai temujanji", "telah dihantar melalui e-mel")
                .doesNotContain("18 Ogos 2026", "09:00 – 09:30");
        String reference = jdbc.sql("SELECT reference FROM appointment WHERE document_number = '880412105408'")
                .query(String.class).single();
        assertThat(refused.body()).doesNotContain(reference.substring(0, 3) + "…");
        assertThat(http.postForm(second.replace("/details", "/confirm"), Map.of()).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT recipient FROM outbox_message WHERE kind = 'ALREADY_BOOKED' "
                + "AND appointment_reference = ?").param(reference).query(String.class).list())
                .containsExactly(jdbc.sql("SELECT email FROM appointment WHERE reference = ?").param(reference)
                        .query(String.class).single());
    }

    @Test
    void aQuestionReachedWithoutItsAnswerIsAskedAgainWithAnError() {
        String page = http.get("/book/branch").body();
        assertThat(errorSummaryLinks(page)).containsExactly("#department=Pilih jabatan");
        assertThat(page).contains("id=\"department-error\"", "<title>Ralat: Pilih jabatan");

        assertThat(errorSummaryLinks(http.get("/book/date?branch=HQ-PJY&service=&lang=en").body()))
                .containsExactly("#service=Choose a transaction type");
        assertThat(errorSummaryLinks(http.postForm("/book/holds",
                Map.of("branch", HQ, "service", "BKE", "date", "2026-08-04")).body()))
                .containsExactly("#start=Pilih slot masa");
    }

    @Test
    void unknownCodesAndMalformedAddressesGetAFriendlyPageNeverA500() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/book/branch?department=NOPE", 404);
        expected.put("/book/service?branch=NOPE", 404);
        expected.put("/book/date?branch=HQ-PJY&service=NOPE", 404);
        expected.put("/book/date?branch=NOPE&service=BKE", 404);
        expected.put("/book/slots?branch=HQ-PJY&service=NOPE&date=2026-08-04", 404);
        expected.put("/book/holds/6f1c1d2e-0000-4000-8000-000000000000/details", 404);
        expected.put("/book/holds/6f1c1d2e-0000-4000-8000-000000000000/review", 404);
        expected.put("/slip/ZZZZZ-ZZZZZ", 404);
        expected.put("/slip/ZZZZZZZZZZ/qr.svg", 404);
        expected.put("/no/such/page", 404);
        expected.put("/book/holds/not-a-uuid/details", 400);
        expected.put("/book/slots?branch=HQ-PJY&service=BKE&date=2026-02-30", 400);
        expected.put("/book/slots?branch=HQ-PJY&service=BKE", 400);
        expected.put("/book/date?branch=HQ-PJY&service=BKE&month=August", 400);
        expected.put("/book/slots?branch=HQ-PJY&service=BKE&date=2026-08-04&from=nope", 400);

        expected.forEach((path, status) -> {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(status);
            assertThat(response.body()).as(path).contains("<html lang=\"ms\"", "Kembali ke laman utama",
                    "class=\"site-header\"").doesNotContain("Exception", "at my.gov");
        });
        assertThat(http.postForm("/book/holds/6f1c1d2e-0000-4000-8000-000000000000/confirm", Map.of()).status())
                .isEqualTo(404);
        assertThat(http.get("/book/branch?department=NOPE&lang=en").body()).contains("<html lang=\"en\"",
                "Back to the home page");
    }

    @Test
    void theLanguageSwitchLeadsToTheSamePage() {
        String page = http.get("/book/date?branch=HQ-PJY&service=BKE&month=2026-08").body();
        assertThat(page).contains("<html lang=\"ms\"",
                "href=\"/book/date?branch=HQ-PJY&amp;service=BKE&amp;month=2026-08&amp;lang=en\"");
        String english = http.get("/book/date?branch=HQ-PJY&service=BKE&month=2026-08&lang=en").body();
        assertThat(english).contains("<html lang=\"en\"", "August 2026", "Choose an appointment date",
                "href=\"/book/date?branch=HQ-PJY&amp;service=BKE&amp;month=2026-08&amp;lang=ms\"");
    }

    /**
     * Sends details with errors: the answer is a 303 to the details page with {@code check}, which
     * shows the errors of the saved draft (POST/redirect/GET); returns that page in {@code language}.
     */
    private String withErrors(String details, Map<String, String> form, String language) {
        Http.Response sent = http.postForm(details, form);
        assertThat(sent.status()).isEqualTo(303);
        String page = path(sent.header("Location"));
        assertThat(page).isEqualTo(details.replaceFirst("\\?.*", "") + "?check");
        return http.get(page + "&lang=" + language).body();
    }

    /** Holds a place from the slots page; returns the details page's path. */
    private String holdSlot(String branch, String service, String date, String start) {
        Http.Response response = http.postForm("/book/holds",
                Map.of("branch", branch, "service", service, "date", date, "start", start));
        assertThat(response.status()).as("hold %s %s %s %s", branch, service, date, start).isEqualTo(303);
        String details = path(response.header("Location"));
        assertThat(details).matches("/book/holds/[0-9a-f-]{36}/details");
        return details;
    }

    private void takeWithTheApi(String branch, String service, String date, String start) {
        Http.Response hold = http.postJson("/api/v1/holds",
                Map.of("branch", branch, "service", service, "date", date, "start", start));
        assertThat(hold.status()).isEqualTo(201);
    }

    private static Map<String, String> applicant(String name, String mykad) {
        return applicant(name, "MYKAD", mykad, "", "nama@contoh.my", "012-345 6789");
    }

    private static Map<String, String> applicant(String name, String type, String number, String nationality,
            String email, String phone) {
        return Map.of("fullName", name, "documentType", type, "documentNumber", number, "nationality", nationality,
                "email", email, "phone", phone);
    }

    /** The error summary's entries as {@code href=text}. */
    private static List<String> errorSummaryLinks(String page) {
        int start = page.indexOf("class=\"error-summary\"");
        if (start < 0) {
            return List.of();
        }
        String summary = page.substring(start, page.indexOf("</ul>", start));
        Matcher links = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(summary);
        return links.results().map(m -> m.group(1) + "=" + unescape(m.group(2))).toList();
    }

    private static void assertFieldMessage(String page, String field, String message) {
        assertThat(page).containsPattern("<p class=\"error-message\" id=\"" + field + "-error\">\\s*"
                + "<span class=\"visually-hidden\">[^<]+</span>\\s*" + Pattern.quote(message) + "\\s*</p>");
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", "\"");
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
