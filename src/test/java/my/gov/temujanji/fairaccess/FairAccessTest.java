package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.TestClockConfiguration;
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
 * Rate limits and the proof-of-work challenge on, on two nodes sharing the test database. Each test
 * comes from its own documentation addresses (203.0.113.0/24, through X-Forwarded-For from the trusted
 * 127.0.0.1) and uses its own document numbers, so tests do not share a bucket. No slot is taken: the
 * requests stop at the limits, at the challenge, or at the request check right after it.
 */
@IntegrationTest
@TestPropertySource(properties = {FairAccessTest.RATE_LIMITS_ON, FairAccessTest.CHALLENGE_ON,
    FairAccessTest.PROXY, FairAccessTest.HOLDS, FairAccessTest.LOOKUPS_ADDRESS, FairAccessTest.LOOKUPS_DOCUMENT,
    FairAccessTest.LOGINS})
class FairAccessTest {

    static final String RATE_LIMITS_ON = "temujanji.rate-limit.enabled=true";
    static final String CHALLENGE_ON = "temujanji.challenge.enabled=true";
    static final String PROXY = "temujanji.rate-limit.trusted-proxies=127.0.0.1";
    static final String HOLDS = "temujanji.rate-limit.holds.per-address=3";
    static final String LOOKUPS_ADDRESS = "temujanji.rate-limit.lookups.per-address=4";
    static final String LOOKUPS_DOCUMENT = "temujanji.rate-limit.lookups.per-document=2";
    static final String LOGINS = "temujanji.rate-limit.logins.per-address=3";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FairAccessSweeper sweeper;

    Http node1;
    Http other;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        node2 = SecondNode.startBeside(environment,
                List.of(RATE_LIMITS_ON, CHALLENGE_ON, PROXY, HOLDS, LOOKUPS_ADDRESS, LOOKUPS_DOCUMENT, LOGINS));
    }

    @AfterAll
    static void stopSecondNode() {
        node2.close();
    }

    @BeforeEach
    void setUp() {
        node1 = new Http(port);
        other = new Http(node2.port());
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        node2.bean(MutableClock.class).set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void staffLoginsFromOneAddressAreLimitedAcrossBothNodesBeforeAnyPasswordIsChecked() {
        String address = nextAddress();
        String prefix = "tekaan-" + address.replace('.', '-') + "-";
        // Three guesses at three usernames, alternating between the nodes: each is checked and refused.
        for (int i = 0; i < 3; i++) {
            Http node = i % 2 == 0 ? node1 : other;
            node.get("/staff/login");
            Http.Response refused = node.postForm("/staff/login/attempt",
                    Map.of("username", prefix + i, "password", "salah-kata-laluan"), "X-Forwarded-For", address);
            assertThat(refused.status()).isNotEqualTo(429);
        }
        other.get("/staff/login");
        Http.Response limited = other.postForm("/staff/login/attempt",
                Map.of("username", prefix + "3", "password", "salah-kata-laluan"), "X-Forwarded-For", address);
        node1.get("/staff/login");
        Http.Response english = node1.postForm("/staff/login/attempt",
                Map.of("username", prefix + "4", "password", "salah-kata-laluan"), "X-Forwarded-For", address,
                "Cookie", "temujanji-lang=en"); // pages follow the reader's choice, not the browser's language

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.body()).contains("Terlalu banyak permintaan").contains("Sila cuba lagi selepas");
        assertThat(english.status()).isEqualTo(429);
        assertThat(english.body()).contains("Too many requests").contains("Please try again in");
        // The password of a limited attempt is never checked: only the first three are in the audit log.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'STAFF_LOGIN_FAILED' AND actor LIKE ?")
                .param(prefix + "%").query(Long.class).single()).isEqualTo(3);
        // Another address still reaches the login.
        node1.get("/staff/login");
        assertThat(node1.postForm("/staff/login/attempt", Map.of("username", prefix + "5", "password", "salah"),
                "X-Forwarded-For", nextAddress()).status()).isNotEqualTo(429);
    }

    @Test
    void holdsFromOneAddressAreLimitedAcrossBothNodesWithRetryAfterInBothLanguages() {
        String address = nextAddress();
        // Three allowed (refused later, by the missing challenge), alternating between the nodes.
        for (int i = 0; i < 3; i++) {
            Http node = i % 2 == 0 ? node1 : other;
            Http.Response allowed = node.postJson("/api/v1/holds", Map.of(), "X-Forwarded-For", address);
            assertThat(allowed.json().get("code").asString()).isEqualTo("CHALLENGE_REQUIRED");
        }
        Http.Response limited = other.postJson("/api/v1/holds", Map.of(), "X-Forwarded-For", address,
                "Accept-Language", "en");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(limited.json().get("title").asString()).isEqualTo("Too many requests");
        assertThat(limited.json().get("detail").asString()).startsWith("Too many requests were sent")
                .contains("try again in ");

        Http.Response malay = node1.postJson("/api/v1/holds", Map.of(), "X-Forwarded-For", address);
        assertThat(malay.status()).isEqualTo(429);
        assertThat(malay.json().get("title").asString()).isEqualTo("Terlalu banyak permintaan");
        assertThat(malay.json().get("detail").asString()).contains("Sila cuba lagi selepas");

        // The page POST counts in the same bucket: a page in the reader's language, and a way back.
        Http.Response page = node1.postForm("/book/holds", Map.of("branch", "X", "service", "Y", "date", "2026-08-03"),
                "X-Forwarded-For", address, "Referer", "http://localhost:" + port + "/book/slots?branch=X");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isNotNull();
        assertThat(page.body()).contains("Terlalu banyak permintaan").contains("Sila cuba lagi selepas")
                .contains("href=\"/book/slots?branch=X\"");
        Http.Response english = node1.postForm("/book/holds?lang=en",
                Map.of("branch", "X", "service", "Y", "date", "2026-08-03"), "X-Forwarded-For", address);
        assertThat(english.status()).isEqualTo(429);
        assertThat(english.body()).contains("Too many requests").contains("Please try again in");

        // Another address is not held back, and the header counts only from a trusted proxy.
        assertThat(node1.postJson("/api/v1/holds", Map.of(), "X-Forwarded-For", nextAddress()).status())
                .isEqualTo(400);
    }

    @Test
    void lookUpsOfOneDocumentNumberAreLimitedWhateverTheAddressAndNode() {
        String myKad = Applicants.nextMyKad();
        String dashed = myKad.substring(0, 6) + "-" + myKad.substring(6, 8) + "-" + myKad.substring(8);
        // The same number written two ways, from two addresses, on two nodes: one bucket.
        assertThat(node1.get("/api/v1/appointments/ABC123?documentNumber=" + myKad, "X-Forwarded-For",
                nextAddress()).status()).isEqualTo(404);
        assertThat(other.postForm("/appointments/manage", Map.of("reference", "ABC123", "documentNumber", dashed),
                "X-Forwarded-For", nextAddress()).status()).isEqualTo(200);

        Http.Response api = node1.postJson("/api/v1/appointments/ABC123/cancel", Map.of("documentNumber", myKad),
                "X-Forwarded-For", nextAddress(), "Accept-Language", "en");
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(api.header("Retry-After")).isNotNull();

        Http.Response page = other.postForm("/appointments/manage?lang=en",
                Map.of("reference", "ABC123", "documentNumber", myKad), "X-Forwarded-For", nextAddress());
        assertThat(page.status()).isEqualTo(429);
        assertThat(Long.parseLong(page.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(page.body()).contains("Please try again in");
        Http.Response malay = other.postForm("/appointments/manage",
                Map.of("reference", "ABC123", "documentNumber", myKad), "X-Forwarded-For", nextAddress());
        assertThat(malay.body()).contains("Sila cuba lagi selepas");

        // Another document number from a fresh address is still served.
        assertThat(node1.get("/api/v1/appointments/ABC123?documentNumber=" + Applicants.nextMyKad(),
                "X-Forwarded-For", nextAddress()).status()).isEqualTo(404);
    }

    @Test
    void lookUpsFromOneAddressAreLimited() {
        String address = nextAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(node1.get("/api/v1/appointments/ABC123?documentNumber=" + Applicants.nextMyKad(),
                    "X-Forwarded-For", address).status()).isEqualTo(404);
        }
        Http.Response limited = other.get("/api/v1/appointments/ABC123?documentNumber=" + Applicants.nextMyKad(),
                "X-Forwarded-For", address);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void aSolutionIsAcceptedOnceOnEitherNode() {
        String solution = solve(node1.get("/api/v1/challenge").json());
        // Accepted: the request goes on to its own check (an empty hold request).
        Http.Response accepted = node1.postJson("/api/v1/holds", Map.of(), "Altcha", solution, "X-Forwarded-For",
                nextAddress());
        assertThat(accepted.status()).isEqualTo(400);
        assertThat(accepted.json().get("code").asString()).isEqualTo("INVALID_REQUEST");

        for (Http node : List.of(node1, other)) {
            Http.Response replayed = node.postJson("/api/v1/holds", Map.of(), "Altcha", solution, "X-Forwarded-For",
                    nextAddress(), "Accept-Language", "en");
            assertThat(replayed.status()).isEqualTo(403);
            assertThat(replayed.json().get("code").asString()).isEqualTo("CHALLENGE_INVALID");
            assertThat(replayed.json().get("title").asString()).isEqualTo("Verification not valid");
        }
        Http.Response malay = other.postJson("/api/v1/holds", Map.of(), "Altcha", solution, "X-Forwarded-For",
                nextAddress());
        assertThat(malay.json().get("title").asString()).isEqualTo("Pengesahan tidak sah");
    }

    @Test
    void aChallengeFromOneNodeIsSolvedForTheOther() {
        String solution = solve(other.get("/api/v1/challenge").json());
        assertThat(node1.postJson("/api/v1/holds", Map.of(), "Altcha", solution, "X-Forwarded-For", nextAddress())
                .json().get("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void anExpiredSolutionIsRefusedAndForgottenByTheSweeper() {
        JsonNode challenge = node1.get("/api/v1/challenge").json();
        String solution = solve(challenge);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Http.Response expired = node1.postJson("/api/v1/holds", Map.of(), "Altcha", solution, "X-Forwarded-For",
                nextAddress());
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("code").asString()).isEqualTo("CHALLENGE_INVALID");

        // A used solution is kept until its challenge expires, then swept.
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        String used = solve(node1.get("/api/v1/challenge").json());
        node1.postJson("/api/v1/holds", Map.of(), "Altcha", used, "X-Forwarded-For", nextAddress());
        assertThat(usedCount(used)).isOne();
        sweeper.sweep();
        assertThat(usedCount(used)).isOne();
        clock.advance(Duration.ofMinutes(6));
        sweeper.sweep();
        assertThat(usedCount(used)).isZero();
    }

    @Test
    void aTamperedOrMissingSolutionIsRefused() {
        JsonNode challenge = node1.get("/api/v1/challenge").json();
        Map<String, Object> payload = payload(challenge, number(challenge));
        payload.put("number", ((Long) payload.get("number")) + 1);
        assertThat(code(encode(payload))).isEqualTo("CHALLENGE_INVALID");

        Map<String, Object> longerExpiry = payload(challenge, number(challenge));
        longerExpiry.put("salt", ((String) longerExpiry.get("salt")).replaceAll("expires=\\d+", "expires=9999999999"));
        assertThat(code(encode(longerExpiry))).isEqualTo("CHALLENGE_INVALID");

        assertThat(code("not base64!")).isEqualTo("CHALLENGE_INVALID");
        assertThat(code(Base64.getEncoder().encodeToString("{\"number\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("CHALLENGE_INVALID");
        Http.Response missing = node1.postJson("/api/v1/holds", Map.of(), "X-Forwarded-For", nextAddress());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("CHALLENGE_REQUIRED");
    }

    private String code(String solution) {
        Http.Response response = node1.postJson("/api/v1/holds", Map.of(), "Altcha", solution, "X-Forwarded-For",
                nextAddress());
        assertThat(response.status()).isEqualTo(403);
        return response.json().get("code").asString();
    }

    private int usedCount(String solution) {
        String challenge = Http.JSON.readTree(Base64.getDecoder().decode(solution)).get("challenge").asString();
        return jdbc.sql("SELECT count(*) FROM used_challenge WHERE challenge = ?").param(challenge)
                .query(Integer.class).single();
    }

    /** What the widget does: the number whose SHA-256 after the salt is the challenge. */
    static String solve(JsonNode challenge) {
        return encode(payload(challenge, number(challenge)));
    }

    static long number(JsonNode challenge) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String salt = challenge.get("salt").asString();
            String target = challenge.get("challenge").asString();
            for (long n = 0; n <= challenge.get("maxnumber").asLong(); n++) {
                if (HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                    return n;
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no solution");
    }

    private static Map<String, Object> payload(JsonNode challenge, long number) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", challenge.get("algorithm").asString());
        payload.put("challenge", challenge.get("challenge").asString());
        payload.put("number", number);
        payload.put("salt", challenge.get("salt").asString());
        payload.put("signature", challenge.get("signature").asString());
        return payload;
    }

    private static String encode(Map<String, Object> payload) {
        return Base64.getEncoder().encodeToString(Http.JSON.writeValueAsBytes(payload));
    }

    private static String nextAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "203.0." + n / 250 + "." + n % 250;
    }
}
