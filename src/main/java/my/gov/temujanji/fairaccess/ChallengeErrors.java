package my.gov.temujanji.fairaccess;

import java.util.Locale;
import java.util.Set;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;

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
}
