package my.gov.temujanji.staff;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what, for the whole application. Applicant pages, the JSON API, slips, the health status
 * and probes and the API documentation are open to all; the back office ({@code /staff/**}) needs a staff
 * login, {@code /staff/admin/**} and the rest of the actuator (health details, metrics) a SYSTEM_ADMIN.
 * HSTS is sent on secure requests: behind our TLS proxy, see {@code fairaccess.ForwardedProto}.
 *
 * <p>CSRF: every form POST outside {@code /api/} carries a token checked against a cookie (double
 * submit, {@link CookieCsrfTokenRepository}): any node checks it without shared memory, and applicants,
 * who never sign in, get no server-side session for it. The token in forms is masked per page
 * (BREACH). Tokens are made at the start of each request (not deferred), so the cookie is set before
 * a page's body is written.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "/staff/login";
    /**
     * Where the login form posts, checked by Spring Security. Not the page's own address: a refused
     * login is forwarded to {@code POST /staff/login} to show the page again, and must not be checked
     * a second time.
     */
    static final String LOGIN_ATTEMPT = "/staff/login/attempt";
    static final String LOGOUT = "/staff/logout";
    static final String PASSWORD = "/staff/password";
    static final String ACCESS_DENIED = "/access-denied";

    /** No page needs a device but the counter's camera (the slip's QR code): nothing else is granted. */
    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    /** Every page passes it: scripts and styles come from our own files only (no inline code). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * Swagger UI (third-party) and the developer mailbox (which shows e-mails, whose styles must be
     * inline for mail programs) need inline styles; nothing else is relaxed.
     */
    static final String RELAXED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher RELAXED = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/swagger-ui/**"),
            PathPatternRequestMatcher.pathPattern("/swagger-ui.html"),
            PathPatternRequestMatcher.pathPattern("/dev/**"));

    /**
     * The JSON API: stateless, and authenticated by nothing a browser sends by itself (no cookie, no
     * session), so a forged cross-site request gains nothing and CSRF protection has nothing to guard;
     * it would only break API clients. The actuator's probes are read the same way, many times a minute
     * by the load balancer: no CSRF cookie is made for them. Only the probes and the bare health status
     * are here; the rest of the actuator (health details, metrics) is the back office's, for a
     * SYSTEM_ADMIN.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginEvents events) throws Exception {
        XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();
        tokens.setCsrfRequestAttributeName(null); // not deferred: the cookie goes out with the headers
        http.authorizeHttpRequests(a -> a
                        // Error pages and the 403 page are forwards of requests already checked.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN, LOGIN_ATTEMPT).permitAll()
                        .requestMatchers("/staff/admin", "/staff/admin/**", "/actuator/**")
                        .hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers("/staff", "/staff/**").hasRole(Role.OFFICER.name())
                        .anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()).csrfTokenRequestHandler(tokens))
                .formLogin(f -> f.loginPage(LOGIN).loginProcessingUrl(LOGIN_ATTEMPT)
                        .successHandler(events).failureHandler(events))
                .logout(l -> l.logoutUrl(LOGOUT).addLogoutHandler(events).logoutSuccessUrl(LOGIN + "?signedOut"))
                .exceptionHandling(e -> e.accessDeniedPage(ACCESS_DENIED))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        HeaderWriter strict = new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        HeaderWriter relaxed = new StaticHeadersWriter("Content-Security-Policy", RELAXED_CONTENT_SECURITY_POLICY);
        headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(RELAXED), strict))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(RELAXED, relaxed));
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.SYSTEM_ADMIN.name()).implies(Role.BRANCH_ADMIN.name())
                .role(Role.BRANCH_ADMIN.name()).implies(Role.OFFICER.name())
                .build();
    }

    /**
     * Argon2id for new hashes; the stored hash names its algorithm ({@code {argon2}...}), so the
     * default can change later and old hashes still verify (and are rehashed at the next login).
     * bcrypt is accepted for a bootstrap administrator's hash made with everyday tools (htpasswd).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder(12)));
    }
}
