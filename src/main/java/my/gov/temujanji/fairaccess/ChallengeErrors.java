package my.gov.temujanji.fairaccess;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/** A refused proof of work as a page form's error, linked to the challenge widget. */
public final class ChallengeErrors {

    /** The problem codes {@link Challenges#verifyOnPage} refuses with. */
    public static final Set<String> CODES = Set.of("CHALLENGE_REQUIRED", "CHALLENGE_INVALID", "CHALLENGE_TOO_EARLY");

    private ChallengeErrors() {
    }

    /** The refusal in the reader's language; any other problem goes on. */
    public static FormErrors of(ApiProblem problem, MessageSource messages, Locale locale) {
        String text = switch (problem.code()) {
            case "CHALLENGE_REQUIRED" -> messages.getMessage("challenge.error.required", null, locale);
            case "CHALLENGE_INVALID" -> messages.getMessage("challenge.error.invalid", null, locale);
            case "CHALLENGE_TOO_EARLY" -> messages.getMessage("challenge.error.tooEarly", problem.arguments(), locale);
            default -> throw problem;
        };
        return FormErrors.one("altcha", text);
    }

    /**
     * A refused proof of work as a redirect carries it to the page that shows it (POST/redirect/GET):
     * its code, and the seconds left for a pass sent too early ({@code secondsLeft}, null otherwise).
     */
    public record Refused(String code, Long secondsLeft) {

        /** The refusal, when {@code problem} is one of the proof of work's; empty for any other. */
        public static Optional<Refused> of(ApiProblem problem) {
            Object[] arguments = problem.arguments();
            return Optional.of(problem.code()).filter(CODES::contains)
                    .map(code -> new Refused(code, arguments.length > 0 ? (Long) arguments[0] : null));
        }

        /** The refusal a redirect carried, when its code is one (the address can say anything). */
        public static Optional<Refused> carried(String code, Long secondsLeft) {
            return Optional.ofNullable(code).filter(CODES::contains).map(c -> new Refused(c, secondsLeft));
        }

        public FormErrors errors(MessageSource messages, Locale locale) {
            return ChallengeErrors.of(new ApiProblem(HttpStatus.FORBIDDEN, code, secondsLeft == null ? 0 : secondsLeft), messages,
                    locale);
        }
    }
}
