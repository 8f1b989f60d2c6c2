package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import my.gov.temujanji.platform.ClientAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.junit.jupiter.api.Tag;

/** X-Forwarded-Proto makes a request secure only when one of our proxies sent it. */
@Tag("fast")
class ForwardedProtoTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

    @Test
    void onlyATrustedProxyMakesARequestSecure() throws Exception {
        assertThat(secure("10.2.3.4", "https")).isTrue();
        assertThat(secure("10.2.3.4", "http, https")).isTrue();
        assertThat(secure("10.2.3.4", "https, http")).isFalse();
        assertThat(secure("10.2.3.4", null)).isFalse();
        assertThat(secure("198.51.100.7", "https")).as("anyone can write the header").isFalse();
    }

    private boolean secure(String remote, String proto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        MockFilterChain chain = new MockFilterChain();
        ForwardedProto.filter(addresses).doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest().isSecure() && "https".equals(((jakarta.servlet.http.HttpServletRequest) chain
                .getRequest()).getScheme());
    }
}
