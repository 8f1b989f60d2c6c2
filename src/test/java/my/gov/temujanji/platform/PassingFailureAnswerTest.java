package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that pass are a 503 to try again, never a 500: a deadlock or serialization failure that outlived
 * every retry, and a commit or rollback on a connection a failover closed.
 */
@Tag("fast")
class PassingFailureAnswerTest {

    private final WebErrors errors = new WebErrors(new StaticMessageSource());

    @Test
    void aDeadlockStillLostAfterTheRetriesIs503WithRetryAfter() {
        for (String state : new String[] {"40P01", "40001"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/holds");
            MockHttpServletResponse response = new MockHttpServletResponse();
            Object answer = errors.unexpected(new CannotAcquireLockException("lost",
                    new SQLException("deadlock detected", state)), request, response);
            assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).as(state).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER_SECONDS);
        }
    }

    @Test
    void aRollbackOnAConnectionTheFailoverClosedIs503() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Object answer = errors.unexpected(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")), new MockHttpServletRequest("POST", "/api/v1/appointments"),
                response);
        assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER_SECONDS);
    }

    @Test
    void anyOtherFailureIsStillTheUnexpectedError() {
        Object answer = errors.unexpected(new IllegalStateException("bug"),
                new MockHttpServletRequest("POST", "/api/v1/holds"), new MockHttpServletResponse());
        assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(500);
    }
}
