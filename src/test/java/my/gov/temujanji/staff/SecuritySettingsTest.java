package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** Security settings an operator relies on: the actuator, TLS behind our proxy, headers, the slip's caching. */
@IntegrationTest
@TestPropertySource(properties = "temujanji.rate-limit.trusted-proxies=127.0.0.1/32")
class SecuritySettingsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void healthDetailsAndMetricsAreForASystemAdministratorWhileTheProbesStayOpen() {
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details for strangers").isFalse();
        assertThat(health.header("Set-Cookie")).as("no CSRF cookie for the load balancer").isNull();
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Http.Response answer = http.get(probe);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asString()).isEqualTo("UP");
        }
        for (String hidden : List.of("/actuator/prometheus", "/actuator/health/db", "/actuator/info")) {
            Http.Response refused = http.get(hidden);
            assertThat(refused.status()).as(hidden).isEqualTo(302);
            assertThat(refused.header("Location")).endsWith("/staff/login");
        }
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        assertThat(new Http(port).loginAs(staff.officer("HQ-PJY")).get("/actuator/prometheus").status())
                .isEqualTo(403);

        Http admin = new Http(port).loginAs(staff.systemAdmin());
        assertThat(admin.get("/actuator/health/db").json().get("status").asString()).isEqualTo("UP");
        Http.Response metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void behindOurTlsProxyTheAppSendsHstsAndSecureCookies() {
        Http.Response secure = http.get("/staff/login", "X-Forwarded-Proto", "https");
        assertThat(secure.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(setCookie(secure, "XSRF-TOKEN")).contains("Secure");

        Http.Response plain = new Http(port).get("/staff/login");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(setCookie(plain, "XSRF-TOKEN")).doesNotContain("Secure");
    }

    @Test
    void everyAnswerCarriesAPermissionsPolicy() {
        for (String path : List.of("/", "/api/v1/departments", "/actuator/health/liveness", "/css/no-such-file.css",
                "/staff/login")) {
            assertThat(http.get(path).header("Permissions-Policy")).as(path)
                    .isEqualTo(SecurityConfiguration.PERMISSIONS_POLICY);
        }
    }

    @Test
    void theSlipPageIsNotStored() {
        String branch = "KDH-LANGKAWI";
        LocalDate day = LocalDate.of(2026, 8, 4);
        String start = LocalTime.parse(http.get("/api/v1/branches/" + branch + "/services/BKP/slots?date=" + day)
                .json().get(0).get("start").asString()).toString();
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", branch, "service", "BKP",
                        "date", day.toString(), "start", start,
                        "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).isEqualTo(201);

        Http.Response slip = http.get("/slip/" + booked.json().get("reference").asString());
        assertThat(slip.status()).isEqualTo(200);
        assertThat(slip.header("Cache-Control")).isEqualTo("no-store");
    }

    private static String setCookie(Http.Response response, String name) {
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }
}
