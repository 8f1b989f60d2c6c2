package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests from one address all at once, through two nodes, against a limit of three holds a minute:
 * exactly three get through (to the challenge, which refuses them), the rest are 429. The same harness
 * against a counter read and then written back (test code only) lets more through.
 */
@IntegrationTest
@Import(NaiveRateLimitEndpoint.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {FairAccessTest.RATE_LIMITS_ON, FairAccessTest.CHALLENGE_ON,
    FairAccessTest.PROXY, FairAccessTest.HOLDS})
class RateLimitConcurrencyTest {

    static final int REQUESTS = 40;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    SecondNode secondNode;
    List<Http> nodes;

    @BeforeAll
    void startSecondNode() {
        secondNode = SecondNode.startBeside(environment, List.of(FairAccessTest.RATE_LIMITS_ON,
                FairAccessTest.CHALLENGE_ON, FairAccessTest.PROXY, FairAccessTest.HOLDS), NaiveRateLimitEndpoint.class);
        nodes = List.of(new Http(port), new Http(secondNode.port()));
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void requestsFromOneAddressAtOnceOnTwoNodesGetExactlyTheLimitThrough() throws Exception {
        List<Http.Response> responses = Rush.fire(REQUESTS, n -> nodes.get(n % 2).postJson("/api/v1/holds", Map.of(),
                "X-Forwarded-For", "203.0.113.250"));

        assertThat(responses.stream().map(r -> r.status() + " " + r.json().path("code").asString()))
                .containsOnly("400 CHALLENGE_REQUIRED", "429 RATE_LIMITED")
                .filteredOn(code -> code.startsWith("400")).hasSize(3);
    }

    @Test
    void theSameHarnessCatchesACounterReadThenWritten() throws Exception {
        String key = "naive:" + UUID.randomUUID();

        List<Http.Response> responses = Rush.fire(REQUESTS, n -> nodes.get(n % 2).postJson(
                "/api/test/naive-rate-limit?key=" + key + "&limit=3", "{}"));

        assertThat(responses.stream().filter(r -> r.status() == 200).count()).isGreaterThan(3);
    }
}
