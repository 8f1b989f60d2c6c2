package my.gov.temujanji.booking.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the API asks of a new booking, of one appointment or of a group, before it is made: its
 * idempotency key, the applicant's problems as field errors, and the gates (the booking limit and the
 * challenge); one rule for both, as {@link ChangeRequests} is for a change.
 */
@Component
@RequiredArgsConstructor
class BookRequests {

    private final Booking booking;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final MessageSource messages;

    /** The booking's request id for the client's key, which a retry sends again; 400 INVALID_IDEMPOTENCY_KEY. */
    static String requestId(String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY");
        }
        return "api:" + idempotencyKey;
    }

    /** The language the booking's e-mails are written in: the request's. */
    static String language() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "ms";
    }

    /** The applicant's problems, each at {@code applicant.<field>} with its code and its text in the reader's language. */
    List<ApiProblem.FieldProblem> applicantProblems(ApplicantValidation.Result result) {
        Locale locale = LocaleContextHolder.getLocale();
        return result.errors().stream()
                .map(e -> new ApiProblem.FieldProblem("applicant." + e.field(), e.code(),
                        messages.getMessage(e.messageKey(), null, locale)))
                .toList();
    }

    /** The booking limit, by the applicant's document, and a solved challenge, which a retry of a booking already made needs not. */
    void admit(String requestId, String documentNumber, String altcha, HttpServletRequest http) {
        rateLimits.check(LimitedAction.BOOKING, http, documentNumber);
        try {
            challenges.verify(altcha);
        } catch (ApiProblem refused) {
            // Looked up only then: a rush of first requests is spared the read.
            if (booking.bookedWith(requestId).isEmpty()) {
                throw refused;
            }
        }
    }
}
