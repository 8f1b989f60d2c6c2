package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The fuzzer's causes, one by one, with the exact answers clients and readers get. */
@IntegrationTest
class HostileInputTest {

    static final String SLOTS = "/api/v1/branches/KTN-KOTA-BHARU/services/BKP/slots?date=2026-09-17";

    @LocalServerPort
    int port;

    @Test
    void aNulInAJsonStringIsRefusedBeforePostgresqlSeesIt() {
        RawHttp.Response response = send("POST", "/api/v1/holds", "{\"branch\": \"KTN\\u0000\", \"service\": \"BKP\", "
                + "\"date\": \"2026-09-17\", \"start\": \"08:00\"}", "Content-Type", "application/json");
        assertProblem(response, 400, "INVALID_CHARACTERS");
        RawHttp.Response surrogate = send("POST", "/api/v1/holds", "{\"branch\": \"KTN\\ud800\"}",
                "Content-Type", "application/json");
        assertProblem(surrogate, 400, "INVALID_CHARACTERS");
    }

    @Test
    void aNulInAParameterGetsTheErrorPageInTheReadersLanguage() {
        RawHttp.Response malay = send("GET", "/book/date?branch=%00&service=BKP", null);
        assertThat(malay.status()).isEqualTo(400);
        assertThat(malay.body()).contains("Aksara tidak sah").doesNotContain("Exception");
        RawHttp.Response english = send("GET", "/book/date?branch=ab%00&service=BKP", null, "Cookie", "temujanji-lang=en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("Invalid characters");
        assertProblem(send("GET", SLOTS + "&x=ab%00", null), 400, "INVALID_CHARACTERS");
        // A lone surrogate in UTF-8 is not UTF-8: the parameters cannot be read at all.
        assertProblem(send("GET", SLOTS + "&x=%ED%A0%80", null), 400, "INVALID_REQUEST");
    }

    @Test
    void anAcceptTheApiCannotProduceIs406WithNoBody() {
        RawHttp.Response response = send("GET", SLOTS, null, "Accept", "image/png");
        assertThat(response.status()).isEqualTo(406);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aWildcardOrUnreadableContentTypeIs415() {
        assertProblem(send("POST", "/api/v1/holds", "{}", "Content-Type", "*/*"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send("POST", "/api/v1/holds", "{}", "Content-Type", "text/*"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send("POST", "/api/v1/holds", "{}", "Content-Type", "garbage"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void nonAsciiInAHeaderTheApplicationReadsIs400() {
        assertProblem(send("GET", SLOTS, null, "Idempotency-Key", RawHttp.utf8Bytes("kunci-\u00e9")), 400,
                "INVALID_HEADER");
        assertProblem(send("GET", SLOTS, null, "Referer", "http://localhost/\u00ed\u00a0\u0080"), 400,
                "INVALID_HEADER");
    }

    @Test
    void aLanguageCookieNamingNoLanguageIsIgnored() {
        RawHttp.Response response = send("GET", "/api/v1/departments", null, "Cookie", "temujanji-lang=%00");
        assertThat(response.status()).isEqualTo(200);
        RawHttp.Response page = send("GET", "/", null, "Cookie", "temujanji-lang=bm90LWEtbGFuZw==");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ms\"");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryIs400() {
        RawHttp.Response response = send("POST", "/appointments/manage", "reference=x", "Content-Type",
                "multipart/form-data");
        assertThat(response.status()).isIn(400, 403);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theErrorAddressItselfIsNoPage() {
        RawHttp.Response response = send("GET", "/error?x=1", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("Halaman tidak dijumpai").doesNotContain("Exception");
    }

    private RawHttp.Response send(String method, String target, String body, String... headers) {
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            lines.add(new String[] {headers[i], headers[i + 1]});
        }
        return new RawHttp(port).send(new RawHttp.Request(method, target, lines,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = Http.JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }
}
