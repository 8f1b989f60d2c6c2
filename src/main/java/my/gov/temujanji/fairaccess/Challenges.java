package my.gov.temujanji.fairaccess;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import my.gov.temujanji.platform.ApiProblem;
import org.altcha.altcha.Altcha;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof-of-work challenge (ALTCHA, protocol v1: find the number that, appended to the salt, gives
 * the challenge's SHA-256). Challenges are signed with a key all nodes share; the expiry travels in
 * the signed salt and is checked against our clock; a solution is accepted once, which PostgreSQL's
 * primary key decides across nodes.
 *
 * <p>Without JavaScript nobody can solve it, and a public service must not turn those people away: the
 * page then carries a solved payload that is accepted only {@code noScriptDelay} after the page was
 * shown (its {@code notBefore} is signed too). Time cannot be bought with faster hardware, so this path
 * costs a bot racing for a slot more than the proof of work does; a person reading the page does not
 * notice it.
 */
@Component("challenges")
public class Challenges {

    private static final Logger log = LoggerFactory.getLogger(Challenges.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] WIDGET_STRINGS = {"label", "verifying", "verified", "verificationRequired", "error",
        "expired", "waitAlert", "ariaLinkLabel", "footer"};

    private final ChallengeProperties properties;
    private final SharedSecrets secrets;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    Challenges(ChallengeProperties properties, SharedSecrets secrets, JdbcClient jdbc, MessageSource messages,
            Clock clock) {
        this.properties = properties;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        if (!properties.enabled()) {
            log.warn("*** PROOF-OF-WORK CHALLENGE IS OFF (temujanji.challenge.enabled=false): for load tests only, "
                    + "never in production ***");
        }
    }

    /** The challenge in the JSON form the ALTCHA widget and API clients read. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    /**
     * What a form shows: the widget's challenge and texts, and the payload sent without JavaScript.
     *
     * @param challengeJson the challenge for the widget
     * @param widgetStrings the widget's texts in the reader's language, as JSON
     * @param noScriptPayload the solved payload accepted {@code noScriptSeconds} after the page was shown
     */
    public record PageChallenge(String challengeJson, String widgetStrings, String noScriptPayload,
            long noScriptSeconds) {
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public Challenge create() {
        Altcha.ChallengeOptions options = new Altcha.ChallengeOptions().setMaxNumber(properties.maxNumber())
                .setSecureRandomNumber(true);
        return sign(options);
    }

    public PageChallenge forPage() {
        Instant now = clock.instant();
        Altcha.ChallengeOptions timeLock = new Altcha.ChallengeOptions().setMaxNumber(properties.maxNumber())
                .setNumber((long) RANDOM.nextInt((int) Math.min(Integer.MAX_VALUE, properties.maxNumber())))
                .addParam("notBefore", Long.toString(now.plus(properties.noScriptDelay()).getEpochSecond()));
        Challenge solved = sign(timeLock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", solved.algorithm());
        payload.put("challenge", solved.challenge());
        payload.put("number", timeLock.number);
        payload.put("salt", solved.salt());
        payload.put("signature", solved.signature());
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> strings = new LinkedHashMap<>();
        for (String key : WIDGET_STRINGS) {
            strings.put(key, messages.getMessage("challenge.widget." + key, null, locale));
        }
        return new PageChallenge(JSON.writeValueAsString(create()), JSON.writeValueAsString(strings),
                Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload)),
                properties.noScriptDelay().toSeconds());
    }

    /**
     * Accepts a solution once.
     *
     * @param payload the widget's base64 payload (form field or {@code Altcha} header)
     * @throws ApiProblem 400 {@code CHALLENGE_REQUIRED} without one, 403 {@code CHALLENGE_INVALID} for a
     *         wrong, tampered, expired or used one, 403 {@code CHALLENGE_TOO_EARLY} for the no-JavaScript
     *         payload sent before its time (the argument says how many seconds are left)
     */
    public void verify(String payload) {
        if (!properties.enabled()) {
            return;
        }
        if (payload == null || payload.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "CHALLENGE_REQUIRED");
        }
        Altcha.Payload solution = parse(payload);
        Map<String, String> params;
        boolean valid;
        try {
            valid = Altcha.verifySolution(solution, key(), false);
            params = Altcha.extractParams(solution.salt);
        } catch (Exception e) {
            throw invalid();
        }
        long now = clock.instant().getEpochSecond();
        Long expires = epochSeconds(params.get("expires"));
        if (!valid || expires == null || now > expires) {
            throw invalid();
        }
        Long notBefore = epochSeconds(params.get("notBefore"));
        if (notBefore != null && now < notBefore) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "CHALLENGE_TOO_EARLY", notBefore - now);
        }
        int recorded = jdbc.sql("INSERT INTO used_challenge (challenge, expires_at) VALUES (:challenge, :expiresAt) "
                + "ON CONFLICT (challenge) DO NOTHING")
                .param("challenge", solution.challenge)
                .param("expiresAt", java.sql.Timestamp.from(Instant.ofEpochSecond(expires)))
                .update();
        if (recorded == 0) {
            throw invalid();
        }
    }

    /** Forgets used solutions whose challenges have expired: they can no longer be sent anyway. */
    int removeExpired() {
        return jdbc.sql("DELETE FROM used_challenge WHERE expires_at < :now")
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    private Challenge sign(Altcha.ChallengeOptions options) {
        options.setHmacKey(key()).setExpires(clock.instant().plus(properties.expiry()).getEpochSecond());
        try {
            Altcha.Challenge c = Altcha.createChallenge(options);
            return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a challenge", e);
        }
    }

    private static Altcha.Payload parse(String payload) {
        try {
            JsonNode json = JSON.readTree(new String(Base64.getDecoder().decode(payload.trim()),
                    StandardCharsets.UTF_8));
            Altcha.Payload solution = new Altcha.Payload();
            solution.algorithm = text(json, "algorithm");
            solution.challenge = text(json, "challenge");
            solution.salt = text(json, "salt");
            solution.signature = text(json, "signature");
            JsonNode number = json.get("number");
            if (number == null || !number.canConvertToLong()) {
                throw invalid();
            }
            solution.number = number.asLong();
            return solution;
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw invalid();
        }
        return value.asString();
    }

    private static Long epochSeconds(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "CHALLENGE_INVALID");
    }

    private String key() {
        return secrets.get("challenge-hmac-key");
    }
}
