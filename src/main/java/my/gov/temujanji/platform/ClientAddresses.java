package my.gov.temujanji.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from. {@code X-Forwarded-For} is anyone's to write, so it is read only
 * when the request comes from one of our own proxies (CIDR ranges), and then from the right: the first
 * hop that is not one of our proxies is the client.
 *
 * <p>Per-address limits count a {@linkplain #group group}: an IPv4 address alone, an IPv6 address by
 * its /64, since one subscriber line gets a whole /64 and would otherwise have 2^64 addresses to spend.
 */
@Component
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final List<Range> trustedProxies;

    /**
     * @param trustedProxies our own reverse proxies ({@code temujanji.rate-limit.trusted-proxies}), CIDR
     *        ranges or single addresses; none by default, since anyone can write forwarding headers
     */
    public ClientAddresses(@Value("${temujanji.rate-limit.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Range::parse).toList();
    }

    /** The client's own address (through our proxies), as the request or the proxies gave it. */
    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(address)) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                break;
            }
            address = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return address;
    }

    /** What per-address limits count for this request: see {@link #group(String)}. */
    public String groupOf(HttpServletRequest request) {
        return group(of(request));
    }

    /** Whether the request comes straight from one of our own proxies. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        return trusted(request.getRemoteAddr());
    }

    public boolean trusted(String address) {
        byte[] bytes = parse(address);
        return bytes != null && trustedProxies.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * An IPv4 address as itself; an IPv6 address as its /64 ({@code 2001:db8:1:2::/64}); anything else
     * (a proxy that wrote a name) as it is.
     */
    public static String group(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /**
     * The bytes of an IP literal (an IPv4-mapped IPv6 address gives its IPv4 bytes), or null for
     * anything else; never a DNS look-up, whatever a header says.
     */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.contains(":")) {
            literal = literal.substring(0, zone);
        }
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return null;
        }
        try {
            // A literal of these characters is parsed, never looked up.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** One CIDR range ({@code 10.0.0.0/8}, {@code ::1/128}), or one address without a length. */
    record Range(byte[] network, int length) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] network = ClientAddresses.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range in "
                        + "temujanji.rate-limit.trusted-proxies: " + cidr);
            }
            int length;
            try {
                length = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a prefix length in temujanji.rate-limit.trusted-proxies: " + cidr);
            }
            if (length < 0 || length > network.length * 8) {
                throw new IllegalArgumentException("Prefix length out of range in temujanji.rate-limit.trusted-proxies: "
                        + cidr);
            }
            return new Range(network, length);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = length / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
