package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * The limits on hoarding (3 upcoming active appointments per e-mail address, 2 per document), with
 * requests sent at once to two nodes. KUL-JALAN-DUTA, 11-14 and 18-20 August 2026 (only these tests
 * and ConfirmationTest, which uses other days, book there).
 */
@IntegrationTest
@TestPropertySource(properties = {ConfirmationTest.CONFIRMATION_ON, ConfirmationTest.EMAIL_LIMIT})
class HoardingTest {

    private static final String BRANCH = ConfirmationTest.BRANCH;
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;
    Http other;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        // The second node also has the control endpoint: the same count and insert, without the lock.
        node2 = SecondNode.startBeside(environment, List.of(ConfirmationTest.CONFIRMATION_ON,
                ConfirmationTest.EMAIL_LIMIT), NaiveHoardingEndpoint.class);
    }

    @AfterAll
    static void stopSecondNode() {
        node2.close();
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        other = new Http(node2.port());
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        node2.bean(MutableClock.class).set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void oneAddressGetsAtMostThreeAppointmentsWhenEightAreSentAtOnceToTwoNodes() throws Exception {
        String email = nextEmail();
        LocalDate day = LocalDate.of(2026, 8, 11);
        List<Http.Response> answers = Rush.fire(8, i -> ConfirmationTest.book(i % 2 == 0 ? http : other, "BKE", day,
                LocalTime.of(8, 0).plusMinutes(30L * i), Applicants.nextMyKad(), email));

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(3);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(5)
                .allSatisfy(r -> assertThat(r.json().get("code").asString()).isEqualTo("TOO_MANY_APPOINTMENTS"));
        assertThat(activeWith(email)).isEqualTo(3);
        // The places of the refused requests were not kept: eight slots, three taken.
        assertThat(jdbc.sql("SELECT coalesce(sum(" + SlotPlaces.taken("slot") + "), 0) FROM slot WHERE branch_code = ? AND service_code = 'BKE' AND day = ?")
                .params(BRANCH, day).query(Integer.class).single()).isEqualTo(3);

        Http.Response english = ConfirmationTest.book(http, "BKE", day, LocalTime.of(14, 0), Applicants.nextMyKad(),
                email.toUpperCase(java.util.Locale.ROOT), "Accept-Language", "en");
        assertThat(english.json().get("detail").asString()).isEqualTo("You already have 3 upcoming active appointments "
                + "with this e-mail address, which is the limit. Attend or cancel one of them before booking another.");
        assertThat(english.json().get("title").asString()).isEqualTo("Appointment limit reached");
    }

    @Test
    void withoutTheLockTheSameRequestsGetMoreThanThree() throws Exception {
        // The control: the same count and insert, sent the same way, lets through more than the limit.
        String email = nextEmail();
        // The browser's CSRF token first: eight requests each fetching one at once would overwrite each
        // other's cookie, and be refused for that, not for the limit.
        other.csrfToken();
        List<Http.Response> answers = Rush.fire(8, i -> other.postForm("/test/naive-appointments?" + String.join("&",
                "branch=" + BRANCH, "service=BKE", "date=2026-08-12", "start=" + LocalTime.of(8, 0).plusMinutes(30L * i),
                "document=" + Applicants.nextMyKad().replace("-", ""), "email=" + email, "limit=3"), Map.of()));
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSizeGreaterThan(3);
        assertThat(activeWith(email)).isGreaterThan(3);
    }

    @Test
    void oneDocumentGetsAtMostTwoAppointmentsAcrossTransactionTypesAndTheCancelledOneFreesItsTurn() throws Exception {
        String myKad = Applicants.nextMyKad();
        LocalDate day = LocalDate.of(2026, 8, 13);
        List<String> services = List.of("BKE", "VPP", "BKP", "BPA", "RTK", "RPL");
        List<Http.Response> answers = Rush.fire(6, i -> ConfirmationTest.book(i % 2 == 0 ? http : other,
                services.get(i), day, LocalTime.of(9, 0), myKad, nextEmail()));

        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(4);
        Http.Response malay = ConfirmationTest.book(http, "OSP", day, LocalTime.of(10, 0), myKad, nextEmail());
        assertThat(malay.json().get("code").asString()).isEqualTo("TOO_MANY_APPOINTMENTS");
        assertThat(malay.json().get("detail").asString()).startsWith(
                "Anda sudah mempunyai 2 temujanji aktif yang akan datang dengan dokumen ini");

        String first = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
                .get("reference").asString();
        assertThat(http.postJson("/api/v1/appointments/" + first + "/cancel", Map.of("documentNumber", myKad))
                .status()).isEqualTo(200);
        assertThat(ConfirmationTest.book(http, "OSP", day, LocalTime.of(10, 0), myKad, nextEmail()).status())
                .isEqualTo(201);
    }

    @Test
    void aPageBookingOverTheLimitGoesBackToTheDetailsAsTyped() {
        String email = nextEmail();
        LocalDate day = LocalDate.of(2026, 8, 14);
        for (int i = 0; i < 3; i++) {
            assertThat(ConfirmationTest.book(http, "VPP", day, LocalTime.of(8, 0).plusMinutes(30L * i),
                    Applicants.nextMyKad(), email).status()).isEqualTo(201);
        }
        Http.Response hold = http.postForm("/book/holds",
                Map.of("branch", BRANCH, "service", "VPP", "date", day.toString(), "start", "11:00"));
        String details = hold.header("Location").replaceFirst("^https?://[^/]+", "");
        String holdId = details.split("/")[3];
        String myKad = Applicants.nextMyKad();
        assertThat(http.postForm(details, Map.of("fullName", "Nurul Izzah binti Kamal", "documentType", "MYKAD",
                "documentNumber", myKad, "nationality", "", "email", email, "phone", "012-345 6789")).status())
                .isEqualTo(303);

        Http.Response refused = http.postForm("/book/holds/" + holdId + "/confirm", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("error-summary").contains("href=\"#email\"")
                .contains("Anda sudah mempunyai 3 temujanji aktif yang akan datang dengan alamat e-mel ini")
                .contains("value=\"Nurul Izzah binti Kamal\"").contains("value=\"" + myKad + "\"");
    }

    private int activeWith(String email) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE lower(email) = ? AND status IN ('PENDING', 'CONFIRMED')")
                .param(email).query(Integer.class).single();
    }

    private static String nextEmail() {
        return "pemohon" + EMAILS.incrementAndGet() + "@hoarding.example.my";
    }
}
