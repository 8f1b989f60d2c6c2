package my.gov.temujanji.fairaccess;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff logins per client address: counted before Spring Security reads the password, so guessing
 * across many usernames from one address is slowed down as well (each username also locks after a
 * few failures). Over the limit, the 429 page says when to try again; the page is the error page
 * every refusal uses, reached by a forward so that the security filters see a request they allow.
 */
@Configuration(proxyBeanMethods = false)
class StaffLoginRateLimit {

    static final String LOGIN_ATTEMPT = "/staff/login/attempt";
    // Outside /staff, which only staff may open.
    static final String REFUSED = "/rate-limited";
    private static final String PROBLEM = StaffLoginRateLimit.class.getName() + ".problem";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> staffLoginRateLimitFilter(RateLimits limits) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod())) {
                    try {
                        limits.check(LimitedAction.STAFF_LOGIN, request, null);
                    } catch (ApiProblem refused) {
                        request.setAttribute(PROBLEM, refused);
                        request.getRequestDispatcher(REFUSED).forward(request, response);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns(LOGIN_ATTEMPT);
        // Before Spring Security's filter chain, which would otherwise check the password first.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @RestController
    static class Refusal {

        /** Answers the refusal the filter forwarded; nothing to show when asked directly. */
        @RequestMapping(REFUSED)
        void refused(HttpServletRequest request) {
            Object problem = request.getAttribute(PROBLEM);
            throw problem instanceof ApiProblem refused ? refused : new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
    }
}
