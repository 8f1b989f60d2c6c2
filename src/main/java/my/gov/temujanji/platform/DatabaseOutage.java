package my.gov.temujanji.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whether a failure means PostgreSQL cannot be reached (or has just dropped us): such a request is
 * answered 503 with {@code Retry-After}, since the same request will work once the database is back
 * ({@link WebErrors}).
 *
 * <p>A failure before any controller (reading a staff member's session from PostgreSQL, in Spring
 * Session's filter) is caught by a filter in front of the session filter, which forwards the request
 * to {@code /error} without its session cookie: the servlet container's error dispatch would keep the
 * cookie, and rendering the answer would look the session up again, and fail again.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    /** Seconds a client is told to wait: about what a database restart or a fail-over takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** The request attribute carrying the failure to {@link ErrorEndpoint}. */
    static final String FAILURE_ATTRIBUTE = DatabaseOutage.class.getName() + ".failure";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException failure) {
                    if (!isCause(failure) || response.isCommitted()) {
                        throw failure;
                    }
                    response.reset();
                    request.setAttribute(FAILURE_ATTRIBUTE, failure);
                    request.getRequestDispatcher("/error").forward(withoutSession(request, sessionCookie), response);
                }
            }
        });
        // Outside Spring Session's filter (SessionRepositoryFilter.DEFAULT_ORDER) and Spring Security's.
        registration.setOrder(HostileInput.ORDER + 1);
        return registration;
    }

    /** The request as a visitor without a session sends it: its answer looks no session up. */
    private static HttpServletRequest withoutSession(HttpServletRequest request, String sessionCookie) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                Cookie[] cookies = super.getCookies();
                return cookies == null ? null
                        : Arrays.stream(cookies).filter(c -> !c.getName().equals(sessionCookie)).toArray(Cookie[]::new);
            }
        };
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
            // A commit or rollback the driver could not carry out: the connection went (on a failover the
            // pool's closed connection says only "Connection is closed", with no SQLState), and what made it
            // roll back is hidden behind it. The idempotency key makes the client's retry safe.
            if (t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception), and 57P01..57P03: the server is shutting down or not yet up. */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
