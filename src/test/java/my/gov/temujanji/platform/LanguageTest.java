package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LanguageTest {

    @LocalServerPort
    int port;

    @Test
    void pagesAreMalayWhateverTheBrowsersLanguageUntilTheApplicantChoosesEnglish() {
        Http http = new Http(port);

        Http.Response englishBrowser = http.get("/", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(englishBrowser.body()).contains("<html lang=\"ms\"");
        Http.Response chosen = http.get("/?lang=en", "Accept-Language", "ms");
        assertThat(chosen.body()).contains("<html lang=\"en\"");
        assertThat(chosen.header("Set-Cookie")).startsWith("temujanji-lang=en");
        assertThat(http.get("/", "Cookie", "temujanji-lang=en").body()).contains("<html lang=\"en\"");
    }

    @Test
    void theApiAnswersInTheLanguageOfAcceptLanguage() {
        Http http = new Http(port);

        assertThat(http.get("/api/v1/slips/verify", "Accept-Language", "en-GB,en;q=0.9").json().get("title").asString())
                .isEqualTo("Slip token required");
        assertThat(http.get("/api/v1/slips/verify").json().get("title").asString()).isNotEqualTo("Slip token required");
    }
}
