package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.booking.confirmation.ConfirmationSweeper;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Confirmation by e-mail, the release delay and the opening time, on two nodes. Uses
 * KUL-JALAN-DUTA (no other test does), August 2026 and 12-13 October 2026.
 */
@IntegrationTest
@TestPropertySource(properties = {ConfirmationTest.CONFIRMATION_ON, ConfirmationTest.EMAIL_LIMIT})
class ConfirmationTest {

    static final String CONFIRMATION_ON = "temujanji.booking.email-confirmation=true";
    static final String EMAIL_LIMIT = "temujanji.booking.max-active-per-email=3";
    static final String BRANCH = "KUL-JALAN-DUTA";
    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfirmationSweeper sweeper;

    Http http;
    Http other;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        node2 = SecondNode.startBeside(environment, List.of(CONFIRMATION_ON, EMAIL_LIMIT));
    }

    @AfterAll
    static void stopSecondNode() {
        node2.close();
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        other = new Http(node2.port());
        setClocks(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void aBookingWaitsForItsCodeWhichWorksOnceAndOnlyThenIsTheConfirmationSent() {
        String myKad = Applicants.nextMyKad();
        Http.Response booked = book(http, "BKE", LocalDate.of(2026, 8, 4), LocalTime.of(9, 0), myKad, "aminah@example.my");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().get("status").asString()).isEqualTo("PENDING");
        String reference = booked.json().get("reference").asString();
        // The place is held, and the document counts as booked for this type.
        assertThat(placesLeft("BKE", LocalDate.of(2026, 8, 4), "09:00")).isEqualTo(2);
        Http.Response again = book(http, "BKE", LocalDate.of(2026, 8, 4), LocalTime.of(9, 30), myKad, "aminah@example.my");
        assertThat(again.json().get("code").asString()).isEqualTo("ALREADY_BOOKED");
        // Only the code e-mail is written, and only a keyed hash of the code is stored.
        assertThat(kinds(reference)).containsExactly("CONFIRMATION_CODE");
        String code = codeOf(reference);
        assertThat(code).matches("[0-9]{6}");
        String stored = jdbc.sql("SELECT code_hash FROM confirmation_code WHERE reference = ?").param(reference)
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(code);
        // No slip before it is confirmed.
        assertThat(http.get("/slip/" + reference + "/slip.pdf").status()).isEqualTo(409);

        Http.Response confirmed = confirm(other, reference, code);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(kinds(reference)).containsExactly("CONFIRMATION_CODE", "BOOKED");
        assertThat(codeOf(reference)).as("the code is erased from the outbox once used").isNull();
        assertThat(http.get("/slip/" + reference + "/slip.pdf").status()).isEqualTo(200);

        Http.Response twice = confirm(http, reference, code);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("ALREADY_CONFIRMED");
        assertThat(kinds(reference)).hasSize(2);
    }

    @Test
    void fiveWrongCodesKillTheCodeEvenSentAtOnceToTwoNodesAndANewCodeThenWorks() throws Exception {
        String reference = bookPending("BKE", LocalDate.of(2026, 8, 4), LocalTime.of(10, 0), "badu@example.my");
        String code = codeOf(reference);
        String wrong = code.equals("000000") ? "111111" : "000000";

        Http.Response first = confirm(http, reference, wrong, "Accept-Language", "en");
        assertThat(first.status()).isEqualTo(422);
        assertThat(first.json().get("code").asString()).isEqualTo("CONFIRMATION_CODE_WRONG");
        assertThat(first.json().get("detail").asString()).isEqualTo(
                "The confirmation code is not right. You can try 4 more times.");
        assertThat(confirm(http, reference, wrong).json().get("detail").asString())
                .isEqualTo("Kod pengesahan tidak betul. Anda boleh mencuba 3 kali lagi.");
        // Ten more at once, half on each node: only three more are counted.
        List<Http.Response> rush = Rush.fire(10, i -> confirm(i % 2 == 0 ? http : other, reference, wrong));
        assertThat(rush).filteredOn(r -> r.status() == 422).hasSize(2);
        assertThat(rush).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.json().get("code").asString()).isEqualTo("CONFIRMATION_TRIES_USED"))
                .hasSize(8);
        assertThat(jdbc.sql("SELECT tries FROM confirmation_code WHERE reference = ?").param(reference)
                .query(Integer.class).single()).isEqualTo(5);
        // The right code no longer helps: the code is dead.
        assertThat(confirm(http, reference, code).json().get("code").asString()).isEqualTo("CONFIRMATION_TRIES_USED");

        Http.Response resent = other.postJson("/api/v1/appointments/" + reference + "/confirmation-code", "");
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        String newCode = codeOf(reference);
        assertThat(newCode).matches("[0-9]{6}");
        assertThat(confirm(http, reference, newCode).json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void resendsAreLimited() {
        String reference = bookPending("BKE", LocalDate.of(2026, 8, 4), LocalTime.of(10, 30), "chong@example.my");
        assertThat(http.postJson("/api/v1/appointments/" + reference + "/confirmation-code", "").status()).isEqualTo(202);
        assertThat(http.postJson("/api/v1/appointments/" + reference + "/confirmation-code", "").status()).isEqualTo(202);
        Http.Response refused = http.postJson("/api/v1/appointments/" + reference + "/confirmation-code", "");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asString()).isEqualTo("CONFIRMATION_RESEND_LIMIT");
        assertThat(kinds(reference)).containsExactly("CONFIRMATION_CODE", "CONFIRMATION_CODE", "CONFIRMATION_CODE");
    }

    @Test
    void whatIsNotACodeIsRefusedUncountedAndAnAppointmentWaitingForItsCodeCannotBeMoved() {
        String myKad = Applicants.nextMyKad();
        LocalDate day = LocalDate.of(2026, 8, 4);
        String reference = book(http, "BKE", day, LocalTime.of(11, 0), myKad, "devi@example.my").json()
                .get("reference").asString();

        Http.Response invalid = confirm(http, reference, "12ab56");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("code").asString()).isEqualTo("CONFIRMATION_CODE_INVALID");
        assertThat(jdbc.sql("SELECT tries FROM confirmation_code WHERE reference = ?").param(reference)
                .query(Integer.class).single()).isZero();

        Http.Response moved = http.postJson("/api/v1/appointments/" + reference + "/reschedule",
                Map.of("documentNumber", myKad, "date", day.toString(), "start", "11:30"));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.json().get("code").asString()).isEqualTo("APPOINTMENT_NOT_CONFIRMED");
        assertThat(jdbc.sql("SELECT start_time FROM appointment WHERE reference = ?").param(reference)
                .query(LocalTime.class).single()).isEqualTo(LocalTime.of(11, 0));
    }

    @Test
    void anUnconfirmedBookingIsFreedAfterTheHoldTimeAndItsPlaceReturnsAfterTheDelay() {
        LocalDate day = LocalDate.of(2026, 8, 5);
        String reference = bookPending("OSP", day, LocalTime.of(9, 0), "devi@example.my"); // OSP: one place
        String code = codeOf(reference);
        assertThat(placesLeft("OSP", day, "09:00")).isZero();

        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(9).plusSeconds(59));
        node2.bean(ConfirmationSweeper.class).sweep();
        assertThat(status(reference)).isEqualTo("PENDING");

        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(10));
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(node2.bean(ConfirmationSweeper.class).sweep()).isZero();
        assertThat(status(reference)).isEqualTo("EXPIRED");
        assertThat(codeOf(reference)).as("a dead code is erased from the outbox").isNull();
        Http.Response late = confirm(http, reference, code, "Accept-Language", "en");
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("code").asString()).isEqualTo("CONFIRMATION_EXPIRED");
        assertThat(http.get("/slip/" + reference + "/slip.pdf").status()).as("never confirmed: no slip").isEqualTo(409);
        assertThat(http.get("/book/appointments/" + reference + "/confirm?lang=en").body())
                .contains("This appointment was not confirmed in time, so its slot has been released.");
        assertThat(jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = 'OSP' AND day = ?")
                .params(BRANCH, day).query(Integer.class).single()).isZero();

        // Given back, but offered again only after the delay.
        assertThat(placesLeft("OSP", day, "09:00")).isZero();
        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(24).plusSeconds(59));
        assertThat(placesLeft("OSP", day, "09:00")).isZero();
        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(25));
        assertThat(placesLeft("OSP", day, "09:00")).isEqualTo(1);
    }

    @Test
    void aCancelledPlaceIsInvisibleAndCannotBeTakenForTheDelayThenCanOnEitherNode() {
        LocalDate day = LocalDate.of(2026, 8, 6);
        String myKad = Applicants.nextMyKad();
        Http.Response booked = book(http, "OSP", day, LocalTime.of(10, 0), myKad, "eng@example.my");
        String reference = booked.json().get("reference").asString();
        confirm(http, reference, codeOf(reference));
        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(1));
        Http.Response cancelled = http.postJson("/api/v1/appointments/" + reference + "/cancel",
                Map.of("documentNumber", myKad));
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");

        assertThat(placesLeft("OSP", day, "10:00")).isZero();
        assertThat(dayOf("OSP", day).get("placesLeft").asInt()).as("8 one-hour slots of one place").isEqualTo(7);
        Http.Response hold = holdAt(other, "OSP", day, "10:00");
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.json().get("code").asString()).isEqualTo("SLOT_FULL");
        Http.Response direct = book(http, "OSP", day, LocalTime.of(10, 0), Applicants.nextMyKad(), "fatin@example.my");
        assertThat(direct.json().get("code").asString()).isEqualTo("SLOT_FULL");

        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(15).plusSeconds(59));
        assertThat(holdAt(other, "OSP", day, "10:00").status()).isEqualTo(409);
        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(16));
        assertThat(placesLeft("OSP", day, "10:00")).isEqualTo(1);
        assertThat(dayOf("OSP", day).get("placesLeft").asInt()).isEqualTo(8);
        assertThat(holdAt(other, "OSP", day, "10:00").status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM slot_place p JOIN slot s ON s.id = p.slot_id WHERE s.branch_code = ? "
                + "AND s.service_code = 'OSP' AND s.day = ? AND s.start_time = '10:00' AND p.free_from IS NOT NULL")
                .params(BRANCH, day).query(Integer.class).single())
                .as("the place whose release time had come is the one taken").isZero();
    }

    @Test
    void aMovedAppointmentsOldPlaceWaitsForTheDelayToo() {
        LocalDate day = LocalDate.of(2026, 8, 7);
        String myKad = Applicants.nextMyKad();
        String reference = book(http, "OSP", day, LocalTime.of(8, 0), myKad, "gopal@example.my").json()
                .get("reference").asString();
        confirm(http, reference, codeOf(reference));
        Http.Response moved = http.postJson("/api/v1/appointments/" + reference + "/reschedule",
                Map.of("documentNumber", myKad, "date", day.toString(), "start", "09:00"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(placesLeft("OSP", day, "08:00")).isZero();
        setClocks(TestClockConfiguration.DEFAULT_NOW.plusMinutes(15));
        assertThat(placesLeft("OSP", day, "08:00")).isEqualTo(1);
    }

    @Test
    void theNewestDateOpensAtEightWhateverTheClientsClock() {
        LocalDate newest = LocalDate.of(2026, 10, 13); // 13 July + 3 months, a Tuesday
        setClocks(LocalDateTime.of(2026, 7, 13, 7, 59, 59));
        JsonNode before = dayOf("BKE", newest);
        assertThat(before.get("status").asString()).isEqualTo("NOT_BOOKABLE");
        assertThat(before.get("reason").get("en").asString()).isEqualTo("Opens at 08:00 on 13 July 2026");
        assertThat(before.get("reason").get("ms").asString()).isEqualTo("Dibuka pada jam 08:00, 13 Julai 2026");
        assertThat(dayOf("BKE", newest.minusDays(1)).get("status").asString()).isEqualTo("OPEN");
        assertThat(dayOf("BKE", newest.plusDays(1)).get("reason").get("en").asString())
                .isEqualTo("Appointments can only be made up to 3 months ahead");
        Http.Response early = holdAt(http, "BKE", newest, "08:00");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asString()).isEqualTo("NOT_BOOKABLE");
        assertThat(http.get("/").body()).contains("Tarikh baharu dibuka setiap hari pada jam 08:00");
        assertThat(http.get("/?lang=en").body()).contains("A new date opens every day at 08:00");

        setClocks(LocalDateTime.of(2026, 7, 13, 8, 0));
        assertThat(dayOf("BKE", newest).get("status").asString()).isEqualTo("OPEN");
        assertThat(holdAt(other, "BKE", newest, "08:00").status()).isEqualTo(201);
    }

    @Test
    void theCodePageKeepsWhatWasTypedAndExplainsInBothLanguages() {
        String reference = bookPending("BKE", LocalDate.of(2026, 8, 4), LocalTime.of(11, 0), "hana@example.my");
        String page = http.get("/book/appointments/" + reference + "/confirm").body();
        assertThat(page).contains("Semak e-mel anda").contains("hana@example.my").contains("09:10");
        assertThat(http.get("/slip/" + reference).status()).as("no slip yet: the code page").isEqualTo(302);

        // Refused codes: POST/redirect/GET back to the code page, with the reason and what was typed.
        Http.Response shortCode = followed(http.postForm("/book/appointments/" + reference + "/confirm",
                Map.of("code", "12 34")), "ms");
        assertThat(shortCode.status()).isEqualTo(200);
        assertThat(shortCode.body()).contains("error-summary").contains("href=\"#code\"")
                .contains("Kod pengesahan mestilah 6 angka").contains("value=\"12 34\"");
        String code = codeOf(reference);
        String wrong = code.equals("999999") ? "888888" : "999999";
        Http.Response english = followed(http.postForm("/book/appointments/" + reference + "/confirm?lang=en",
                Map.of("code", wrong)), "en");
        assertThat(english.body()).contains("The confirmation code is not right. You can try 4 more times.")
                .contains("value=\"" + wrong + "\"");
        // The e-mail's link opens the page with the code filled in; only the button confirms.
        assertThat(http.get("/book/appointments/" + reference + "/confirm?code=" + code).body())
                .contains("value=\"" + code + "\"");
        assertThat(status(reference)).isEqualTo("PENDING");
        Http.Response done = http.postForm("/book/appointments/" + reference + "/confirm", Map.of("code", code));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/slip/" + reference);
    }

    // ---------------------------------------------------------------------------------------------

    private void setClocks(LocalDateTime now) {
        clock.set(now);
        node2.bean(MutableClock.class).set(now);
    }

    private String bookPending(String service, LocalDate day, LocalTime start, String email) {
        Http.Response booked = book(http, service, day, start, Applicants.nextMyKad(), email);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }

    static Http.Response book(Http node, String service, LocalDate day, LocalTime start, String myKad, String email,
            String... headers) {
        Map<String, Object> applicant = Applicants.myKadApplicant(myKad);
        applicant.put("email", email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", BRANCH);
        body.put("service", service);
        body.put("date", day.toString());
        body.put("start", start.toString());
        body.put("applicant", applicant);
        String[] all = new String[headers.length + 2];
        all[0] = "Idempotency-Key";
        all[1] = UUID.randomUUID().toString();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return node.postJson("/api/v1/appointments", body, all);
    }

    /** The page a refused code redirects to, in {@code language}. */
    private Http.Response followed(Http.Response refused, String language) {
        assertThat(refused.status()).isEqualTo(303);
        return http.get(refused.header("Location").replaceFirst("^https?://[^/]+", "") + "&lang=" + language);
    }

    private static Http.Response confirm(Http node, String reference, String code, String... headers) {
        return node.postJson("/api/v1/appointments/" + reference + "/confirm", Map.of("code", code), headers);
    }

    private static Http.Response holdAt(Http node, String service, LocalDate day, String start) {
        return node.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", service, "date", day.toString(),
                "start", start));
    }

    private String codeOf(String reference) {
        return jdbc.sql("SELECT secret FROM outbox_message WHERE appointment_reference = ? AND kind = 'CONFIRMATION_CODE' "
                + "ORDER BY id DESC LIMIT 1").param(reference).query(String.class).optional().orElse(null);
    }

    private List<String> kinds(String reference) {
        return jdbc.sql("SELECT kind FROM outbox_message WHERE appointment_reference = ? ORDER BY id").param(reference)
                .query(String.class).list();
    }

    private String status(String reference) {
        return jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference).query(String.class)
                .single();
    }

    private int placesLeft(String service, LocalDate day, String start) {
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + day).json();
        for (JsonNode slot : slots) {
            if (slot.get("start").asString().equals(start)) {
                return slot.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot " + start + " in " + slots);
    }

    private JsonNode dayOf(String service, LocalDate day) {
        return http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/days?from=" + day + "&to=" + day)
                .json().get(0);
    }
}
