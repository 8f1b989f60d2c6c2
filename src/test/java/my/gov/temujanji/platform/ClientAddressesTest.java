package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.junit.jupiter.api.Tag;

/** Address grouping and trusted proxies by CIDR range, without Spring. */
@Tag("fast")
class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", " ::1/128", "127.0.0.1", "192.168.4.0/22"));

    @Test
    void ipv6ClientsAreGroupedByTheirSlash64AndIpv4ByTheWholeAddress() {
        assertThat(ClientAddresses.group("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.group("2001:0DB8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.group("[2001:db8:1:2::ffff]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.group("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddresses.group("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientAddresses.group("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.group("203.0.113.8")).isEqualTo("203.0.113.8");
        // The same IPv4 client written as an IPv4-mapped IPv6 address counts as itself.
        assertThat(ClientAddresses.group("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.group("not-an-address")).isEqualTo("not-an-address");
    }

    @Test
    void trustedProxiesAreMatchedByCidrRange() {
        assertThat(addresses.trusted("10.1.2.3")).isTrue();
        assertThat(addresses.trusted("10.255.255.255")).isTrue();
        assertThat(addresses.trusted("11.0.0.1")).isFalse();
        assertThat(addresses.trusted("127.0.0.1")).isTrue();
        assertThat(addresses.trusted("127.0.0.2")).isFalse();
        assertThat(addresses.trusted("::1")).isTrue();
        assertThat(addresses.trusted("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(addresses.trusted("::2")).isFalse();
        assertThat(addresses.trusted("192.168.7.255")).isTrue();
        assertThat(addresses.trusted("192.168.8.0")).isFalse();
        assertThat(addresses.trusted("localhost")).as("never a DNS name").isFalse();
        assertThat(addresses.trusted("")).isFalse();
        assertThat(addresses.trusted(null)).isFalse();
    }

    @Test
    void forwardedForIsReadOnlyFromTrustedProxiesAndFromTheRight() {
        assertThat(addresses.of(request("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(request("::1", "2001:db8:1:2::5"))).isEqualTo("2001:db8:1:2::5");
        assertThat(addresses.groupOf(request("::1", "2001:db8:1:2::5"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(request("198.51.100.1", "203.0.113.9"))).as("not a proxy of ours")
                .isEqualTo("198.51.100.1");
        assertThat(addresses.groupOf(request("2001:db8:9:9::1", null))).isEqualTo("2001:db8:9:9::/64");
    }

    @Test
    void aRangeThatIsNotOneRefusesToStart() {
        for (String wrong : List.of("10.0.0.0/33", "::1/129", "10.0.0.0/x", "proxy.example")) {
            assertThatThrownBy(() -> new ClientAddresses(List.of(wrong))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(wrong);
        }
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
