package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TcpProxy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PostgreSQL goes away for a while (a node talks to it through a proxy the test cuts): every request
 * meanwhile is answered 503 with {@code Retry-After} (a problem code in the API, a page in the reader's
 * language elsewhere, also for a signed-in staff member whose session cannot be read), readiness is
 * DOWN and liveness UP; once it is back, bookings succeed again without a restart. The node has a
 * database of its own, so that the outage touches no other test.
 */
@IntegrationTest
class DatabaseOutageTest {

    static final String BRANCH = "KTN-KOTA-BHARU";
    static final String SERVICE = "BKP";
    static final String DAY = "2026-09-17"; // a Thursday
    static final Duration OUTAGE = Duration.ofSeconds(5);

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    record Answer(String what, Http.Response response) {
    }

    @Test
    void duringAnOutageEveryAnswerIs503WithRetryAfterAndBookingsResumeAfterIt() throws Exception {
        String database = SecondNode.freshDatabase(environment, jdbc, "outage");
        Matcher address = Pattern.compile("//localhost:(\\d+)/").matcher(database);
        assertThat(address.find()).isTrue();
        try (TcpProxy proxy = TcpProxy.to(Integer.parseInt(address.group(1)));
                SecondNode node = SecondNode.startBeside(environment, List.of("spring.datasource.url="
                        + address.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
                        // Its database is external to it: e-mail goes to SMTP (nothing sends here: no jobs run).
                        "spring.mail.host=127.0.0.1", "spring.mail.port=9"))) {
            JdbcClient nodeDatabase = node.bean(JdbcClient.class);
            Http applicant = new Http(node.port());
            Http staff = new Http(node.port()).loginAs(
                    new StaffFixture(nodeDatabase, node.bean(PasswordEncoder.class)).systemAdmin());
            assertThat(applicant.get("/appointments/manage").status()).isEqualTo(200); // its form's token
            List<String> booked = new ArrayList<>();
            Http.Response before = book(applicant, 0);
            assertThat(before.status()).as(before.body()).isEqualTo(201);
            booked.add(before.json().get("reference").asString());
            assertThat(applicant.get("/actuator/health/readiness").status()).isEqualTo(200);

            proxy.cut();
            List<Supplier<Answer>> requests = List.of(
                    () -> new Answer("hold", applicant.postJson("/api/v1/holds", Map.of("branch", BRANCH,
                            "service", SERVICE, "date", DAY, "start", "08:15"))),
                    () -> new Answer("booking", book(applicant, 1)),
                    () -> new Answer("slots", applicant.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE
                            + "/slots?date=" + DAY)),
                    () -> new Answer("look-up page", applicant.postForm("/appointments/manage",
                            Map.of("reference", "ZZZZZZZZZZ", "documentNumber", "880412-10-5102"))),
                    () -> new Answer("look-up page en", applicant.postForm("/appointments/manage",
                            Map.of("reference", "ZZZZZZZZZZ", "documentNumber", "880412-10-5102"),
                            "Cookie", "temujanji-lang=en")),
                    () -> new Answer("staff page", staff.get("/staff")),
                    () -> new Answer("readiness", applicant.get("/actuator/health/readiness")),
                    () -> new Answer("liveness", applicant.get("/actuator/health/liveness")));
            ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(requests.size());
            List<Future<?>> running = new ArrayList<>();
            for (Supplier<Answer> request : requests) {
                running.add(clients.submit(() -> {
                    do {
                        answers.add(request.get());
                    } while (System.nanoTime() < outageEnds);
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            proxy.restore();
            long restored = System.nanoTime();

            System.out.println("Outage: answers by request and status " + answers.stream().collect(
                    Collectors.groupingBy(a -> a.what() + " " + a.response().status(), TreeMap::new,
                            Collectors.counting())));
            assertThat(answers.stream().filter(a -> a.response().status() == 500)
                    .map(a -> a.what() + ": " + a.response().body())).isEmpty();
            for (String what : List.of("hold", "booking", "slots", "look-up page", "look-up page en", "staff page")) {
                assertThat(answers).filteredOn(a -> a.what().equals(what)).isNotEmpty().allSatisfy(a -> {
                    assertThat(a.response().status()).as(what + ": " + a.response().body()).isEqualTo(503);
                    assertThat(a.response().header("Retry-After")).as(what).isEqualTo("5");
                });
            }
            Http.Response api = first(answers, "hold");
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.json().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(api.json().get("title").asString()).isEqualTo("Cuba lagi sebentar lagi");
            assertThat(first(answers, "look-up page").body()).contains("Cuba lagi sebentar lagi")
                    .doesNotContain("Exception");
            assertThat(first(answers, "look-up page en").body()).contains("Try again shortly");
            assertThat(first(answers, "staff page").body()).contains("Cuba lagi sebentar lagi");
            assertThat(answers).filteredOn(a -> a.what().equals("readiness")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.response().status()).isEqualTo(503));
            assertThat(first(answers, "readiness").body()).contains("\"status\":\"DOWN\"");
            assertThat(answers).filteredOn(a -> a.what().equals("liveness")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.response().status()).isEqualTo(200));

            Http.Response after;
            int slot = 2;
            do {
                after = book(applicant, slot++);
            } while (after.status() != 201 && System.nanoTime() - restored < Duration.ofSeconds(10).toNanos());
            assertThat(after.status()).as("a booking within 10 s of the database's return: " + after.body())
                    .isEqualTo(201);
            booked.add(after.json().get("reference").asString());
            assertThat(applicant.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(staff.get("/staff").status()).isEqualTo(200);
            assertThat(nodeDatabase.sql("SELECT reference FROM appointment ORDER BY reference").query(String.class)
                    .list()).containsExactlyInAnyOrderElementsOf(booked);
        }
    }

    private static Http.Response first(ConcurrentLinkedQueue<Answer> answers, String what) {
        return answers.stream().filter(a -> a.what().equals(what)).findFirst().orElseThrow().response();
    }

    private static Http.Response book(Http http, int slot) {
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date", DAY,
                "start", LocalTime.of(8, 0).plusMinutes(15L * slot).toString(),
                "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString());
    }
}
