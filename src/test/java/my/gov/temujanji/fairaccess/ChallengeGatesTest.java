package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The proof of work cannot be skipped: a page's no-JavaScript pass is refused by the API, is bound to
 * its subject (the client's address group, the hold, the appointment being moved) with one outstanding
 * per subject, and a move passes a booking's gates. Limits are loose here except bookings per document,
 * so that the passes, not the limits, are what the harvesting client meets.
 */
@IntegrationTest
@TestPropertySource(properties = {"temujanji.rate-limit.enabled=true", "temujanji.challenge.enabled=true",
    "temujanji.rate-limit.trusted-proxies=127.0.0.1", "temujanji.rate-limit.holds.per-address=500",
    "temujanji.rate-limit.holds.per-document=100", "temujanji.rate-limit.bookings.per-address=100",
    "temujanji.rate-limit.bookings.per-document=3", "temujanji.rate-limit.lookups.per-address=100",
    "temujanji.rate-limit.lookups.per-document=100"})
class ChallengeGatesTest {

    static final String BRANCH = "KDH-SUNGAI-PETANI";
    static final String SERVICE = "BKP";
    private static final Pattern PASS = Pattern.compile("<input type=\"hidden\" name=\"altcha\" value=\"([^\"]+)\">");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void fiftyPagesFetchedInParallelYieldNoPassTheApiTakesAndAtMostOneThePageTakes() throws Exception {
        LocalDate day = LocalDate.of(2026, 8, 4);
        String address = nextAddress();
        String slotsPage = "/book/slots?branch=" + BRANCH + "&service=" + SERVICE + "&date=" + day;
        List<Http.Response> pages = Rush.fire(50, i -> new Http(port).get(slotsPage, "X-Forwarded-For", address));
        List<String> passes = pages.stream().map(p -> pass(p.body())).toList();
        assertThat(passes).doesNotHaveDuplicates().hasSize(50);
        // Long past every pass's delay, as at the opening time after harvesting before it.
        clock.advance(Duration.ofSeconds(11));
        String start = freeStart(day);

        for (String pass : passes) {
            Http.Response api = http.postJson("/api/v1/holds",
                    Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(), "start", start),
                    "Altcha", pass, "X-Forwarded-For", address);
            assertThat(api.status()).isEqualTo(403);
            assertThat(api.json().get("code").asString()).isEqualTo("CHALLENGE_INVALID");
        }
        int held = 0;
        for (String pass : passes) {
            if (holdOnPage(day, start, pass, address).status() == 303) {
                held++;
            }
        }
        assertThat(held).as("holds taken with harvested passes").isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM hold JOIN slot ON slot.id = hold.slot_id "
                + "WHERE slot.branch_code = ? AND slot.day = ?").params(BRANCH, day)
                .query(Integer.class).single()).isEqualTo(held);

        // The no-JavaScript path still works for one page at a time, after its delay, from its own address.
        String fresh = pass(http.get(slotsPage, "X-Forwarded-For", address).body());
        Http.Response early = holdOnPage(day, start, fresh, address);
        assertThat(early.status()).isEqualTo(200); // the slots page again, the wait at the challenge
        assertThat(early.body()).contains("Sila tunggu 10 saat lagi");
        fresh = pass(http.get(slotsPage, "X-Forwarded-For", address).body());
        clock.advance(Duration.ofSeconds(11));
        assertThat(holdOnPage(day, start, fresh, nextAddress()).body()).as("another address")
                .contains("Pengesahan telah tamat tempoh atau tidak sah");
        fresh = pass(http.get(slotsPage, "X-Forwarded-For", address).body());
        clock.advance(Duration.ofSeconds(11));
        Http.Response held1 = holdOnPage(day, start, fresh, address);
        assertThat(held1.status()).isEqualTo(303);
        assertThat(held1.header("Location")).matches(".*/book/holds/[0-9a-f-]{36}/details");
        assertThat(holdOnPage(day, start, fresh, address).body()).as("used once")
                .contains("Pengesahan telah tamat tempoh atau tidak sah");
    }

    @Test
    void theOkToBooksPassBelongsToItsHoldAndNeverToTheApi() {
        LocalDate day = LocalDate.of(2026, 8, 5);
        String address = nextAddress();
        String start = freeStart(day);
        String first = holdWithDetails(day, start, address);
        String second = holdWithDetails(day, start, address);
        String firstPass = pass(http.get(first + "/confirm").body());
        pass(http.get(second + "/confirm").body());
        clock.advance(Duration.ofSeconds(11));

        Http.Response api = http.postJson("/api/v1/appointments",
                Map.of("holdId", UUID.fromString(first.substring(first.lastIndexOf('/') + 1)),
                        "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString(), "Altcha", firstPass, "X-Forwarded-For", address);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().get("code").asString()).isEqualTo("CHALLENGE_INVALID");
        Http.Response otherHold = http.postForm(second + "/confirm", Map.of("altcha", firstPass),
                "X-Forwarded-For", address);
        assertThat(otherHold.status()).isEqualTo(403);
        assertThat(otherHold.body()).contains("Pengesahan telah tamat tempoh atau tidak sah");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE branch_code = ? AND day = ?").params(BRANCH, day)
                .query(Integer.class).single()).isZero();

        Http.Response booked = http.postForm(first + "/confirm", Map.of("altcha", firstPass), "X-Forwarded-For", address);
        assertThat(booked.status()).isEqualTo(303);
        assertThat(booked.header("Location")).contains("/slip/");
    }

    @Test
    void movingThroughTheApiPassesTheChallengeAndTheBookingLimitsPerDocument() {
        LocalDate day = LocalDate.of(2026, 8, 6);
        String myKad = Applicants.nextMyKad();
        List<String> starts = freeStarts(day);
        String reference = bookThroughApi(day, starts.get(0), myKad); // booking 1 of 3 for this document

        Http.Response unsolved = moveThroughApi(reference, myKad, day, starts.get(1), null); // 2 of 3
        assertThat(unsolved.status()).isEqualTo(400);
        assertThat(unsolved.json().get("code").asString()).isEqualTo("CHALLENGE_REQUIRED");
        Http.Response moved = moveThroughApi(reference, myKad, day, starts.get(1), solve()); // 3 of 3
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("start").asString()).isEqualTo(starts.get(1));

        Http.Response limited = moveThroughApi(reference, myKad, day, starts.get(2), solve());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(jdbc.sql("SELECT start_time FROM appointment WHERE reference = ?").param(reference)
                .query(LocalTime.class).single()).isEqualTo(LocalTime.parse(starts.get(1)));
    }

    @Test
    void movingOnThePagesPassesTheChallengeWithTheMovesOwnPass() {
        LocalDate day = LocalDate.of(2026, 8, 9);
        String myKad = Applicants.nextMyKad();
        List<String> starts = freeStarts(day);
        String reference = bookThroughApi(day, starts.get(0), myKad);
        String address = nextAddress();
        Http.Response lookedUp = http.postForm("/appointments/manage", Map.of("reference", reference,
                "documentNumber", myKad), "X-Forwarded-For", address);
        assertThat(lookedUp.status()).isEqualTo(303);
        String draft = URI_PATH.matcher(lookedUp.header("Location")).replaceFirst("");
        Map<String, String> move = Map.of("date", day.toString(), "start", starts.get(1));

        Http.Response unsolved = http.postForm(draft + "/reschedule", move, "X-Forwarded-For", address);
        assertThat(unsolved.status()).isEqualTo(303);
        Http.Response refused = http.get(URI_PATH.matcher(unsolved.header("Location")).replaceFirst(""),
                "X-Forwarded-For", address);
        assertThat(refused.body()).contains("Tunggu sehingga pengesahan selesai");
        String pass = pass(refused.body());
        clock.advance(Duration.ofSeconds(11));
        Map<String, String> withPass = new java.util.LinkedHashMap<>(move);
        withPass.put("altcha", pass);
        Http.Response moved = http.postForm(draft + "/reschedule", withPass, "X-Forwarded-For", address);
        assertThat(moved.status()).isEqualTo(303);
        assertThat(moved.header("Location")).contains("/appointments/manage/rescheduled");
        assertThat(jdbc.sql("SELECT start_time FROM appointment WHERE reference = ?").param(reference)
                .query(LocalTime.class).single()).isEqualTo(LocalTime.parse(starts.get(1)));
    }

    private Http.Response holdOnPage(LocalDate day, String start, String pass, String address) {
        return http.postForm("/book/holds", Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(),
                "start", start, "altcha", pass), "X-Forwarded-For", address);
    }

    /** A hold taken on the page (with the slots page's pass) with valid details saved: its page's path. */
    private String holdWithDetails(LocalDate day, String start, String address) {
        String pass = pass(http.get("/book/slots?branch=" + BRANCH + "&service=" + SERVICE + "&date=" + day,
                "X-Forwarded-For", address).body());
        clock.advance(Duration.ofSeconds(11));
        Http.Response held = holdOnPage(day, start, pass, address);
        assertThat(held.status()).isEqualTo(303);
        String details = URI_PATH.matcher(held.header("Location")).replaceFirst("");
        Http.Response saved = http.postForm(details, Map.of("fullName", "Siti Nur Aisyah binti Ahmad",
                "documentType", "MYKAD", "documentNumber", Applicants.nextMyKad(), "nationality", "",
                "email", "siti@example.my", "phone", "012-345 6789"), "X-Forwarded-For", address);
        assertThat(saved.status()).isEqualTo(303);
        return details.substring(0, details.length() - "/details".length());
    }

    private static final Pattern URI_PATH = Pattern.compile("^https?://[^/]+");

    private String bookThroughApi(LocalDate day, String start, String myKad) {
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                        "date", day.toString(), "start", start, "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString(), "Altcha", solve(), "X-Forwarded-For", nextAddress());
        assertThat(booked.status()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }

    private Http.Response moveThroughApi(String reference, String myKad, LocalDate day, String start, String altcha) {
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", nextAddress()));
        if (altcha != null) {
            headers.addAll(List.of("Altcha", altcha));
        }
        return http.postJson("/api/v1/appointments/" + reference + "/reschedule",
                Map.of("documentNumber", myKad, "date", day.toString(), "start", start),
                headers.toArray(String[]::new));
    }

    private String solve() {
        return FairAccessTest.solve(http.get("/api/v1/challenge").json());
    }

    private String freeStart(LocalDate day) {
        return freeStarts(day).get(0);
    }

    private List<String> freeStarts(LocalDate day) {
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + day).json();
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : slots) {
            starts.add(LocalTime.parse(slot.get("start").asString()).toString());
        }
        assertThat(starts).hasSizeGreaterThan(2);
        return starts;
    }

    private static String pass(String page) {
        Matcher matcher = PASS.matcher(page);
        assertThat(matcher.find()).as("the page has a no-JavaScript pass").isTrue();
        return matcher.group(1);
    }

    private static String nextAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + n / 250 + "." + n % 250;
    }
}
