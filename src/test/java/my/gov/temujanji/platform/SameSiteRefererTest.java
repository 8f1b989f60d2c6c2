package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.junit.jupiter.api.Tag;

/** The error page's way back is a path on this site, never another site. */
@Tag("fast")
class SameSiteRefererTest {

    @Test
    void onlyAPathOfThisSiteIsAWayBack() {
        assertThat(backUrl("http://temujanji.example/book/slots?branch=X")).isEqualTo("/book/slots?branch=X");
        assertThat(backUrl("http://temujanji.example//evil.example/x")).isNull();
        assertThat(backUrl("http://temujanji.example/\\evil.example")).isNull();
        assertThat(backUrl("http://temujanji.example/%5Cevil.example")).isEqualTo("/%5Cevil.example");
        assertThat(backUrl("http://evil.example/book/slots")).isNull();
        assertThat(backUrl("/book/slots")).isNull();
        assertThat(backUrl("http://temujanji.example")).isNull();
    }

    private static String backUrl(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Host", "temujanji.example");
        request.addHeader("Referer", referer);
        return WebErrors.sameSiteReferer(request);
    }
}
