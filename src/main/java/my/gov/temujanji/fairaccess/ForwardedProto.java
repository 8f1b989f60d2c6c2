package my.gov.temujanji.fairaccess;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import my.gov.temujanji.platform.ClientAddresses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind our TLS proxy a request arrives over plain HTTP with {@code X-Forwarded-Proto: https}: it is
 * then treated as secure (HSTS is sent, cookies are marked Secure), but only when it comes from one
 * of the proxies in {@code temujanji.rate-limit.trusted-proxies}, the same list that decides whose
 * {@code X-Forwarded-For} is read, since anyone can write either header. Runs before every other
 * filter (sessions, CSRF cookies, security headers all ask the request whether it is secure).
 */
@Configuration(proxyBeanMethods = false)
class ForwardedProto {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> forwardedProtoFilter(ClientAddresses addresses) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(addresses));
        // After the request body is read (platform RequestBodies, first of all).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static OncePerRequestFilter filter(ClientAddresses addresses) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean https = !request.isSecure()
                        && "https".equalsIgnoreCase(lastHop(request.getHeader("X-Forwarded-Proto")))
                        && addresses.fromTrustedProxy(request);
                chain.doFilter(https ? new Https(request) : request, response);
            }
        };
    }

    /** The value our own proxy, the last to write the header, added. */
    private static String lastHop(String header) {
        if (header == null) {
            return null;
        }
        return header.substring(header.lastIndexOf(',') + 1).strip();
    }

    private static final class Https extends HttpServletRequestWrapper {

        Https(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public int getServerPort() {
            return 443;
        }
    }
}
