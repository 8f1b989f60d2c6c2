package my.gov.temujanji.booking.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API's bodies for cancelling and moving, of one appointment or of a whole group, and the checks and
 * gates they pass before either is changed: one rule for both.
 */
@Component
@RequiredArgsConstructor
class ChangeRequests {

    record CancelRequest(String documentNumber) {
    }

    record RescheduleRequest(String documentNumber, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start) {
    }

    private final RateLimits rateLimits;
    private final Challenges challenges;

    /** A cancel names its document; it passes the look-up limit. */
    void admit(CancelRequest request, HttpServletRequest http) {
        if (request.documentNumber() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        rateLimits.check(LimitedAction.LOOKUP, http, request.documentNumber());
    }

    /** A move takes new places, so it passes a booking's gates too: the booking limit and the challenge. */
    void admit(RescheduleRequest request, String altcha, HttpServletRequest http) {
        if (request.documentNumber() == null || request.date() == null || request.start() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        rateLimits.check(LimitedAction.LOOKUP, http, request.documentNumber());
        rateLimits.check(LimitedAction.BOOKING, http, request.documentNumber());
        challenges.verify(altcha);
    }
}
