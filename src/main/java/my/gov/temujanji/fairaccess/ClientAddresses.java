package my.gov.temujanji.fairaccess;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from. {@code X-Forwarded-For} is anyone's to write, so it is read only
 * when the request comes from one of our own proxies, and then from the right: the first hop that is
 * not one of our proxies is the client.
 */
@Component
public class ClientAddresses {

    private final Set<String> trustedProxies;

    ClientAddresses(RateLimitProperties properties) {
        this.trustedProxies = Set.copyOf(properties.trustedProxies());
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(address)) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                break;
            }
            address = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return address;
    }
}
