package my.gov.temujanji.fairaccess;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.ClientAddresses;
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
 * page then carries a solved payload, a pass, that is accepted only {@code noScriptDelay} after the page
 * was shown (its {@code notBefore} is signed too). A pass costs no work, so it is bound: it is for the
 * page's own form only (the API refuses it), it belongs to one subject (the client's address group on
 * the slots page, the hold on the OK to book, the appointment on a move), each subject has at most one
 * outstanding pass (showing the page again replaces it, in PostgreSQL) and a pass works once. Pages
 * fetched in bulk therefore yield one working pass per subject, usable after the delay and under the
 * rate limits of the form it is for; a person reading the page does not notice any of it.
 */
@Component("challenges")
public class Challenges {

    private static final Logger log = LoggerFactory.getLogger(Challenges.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The salt's parameter that makes a payload a page's no-JavaScript pass, and names it. */
    private static final String PASS = "pass";
    private static final String[] WIDGET_STRINGS = {"label", "verifying", "verified", "verificationRequired", "error",
        "expired", "waitAlert", "ariaLinkLabel", "footer"};

    private final ChallengeProperties properties;
    private final ClientAddresses addresses;
    private final SharedSecrets secrets;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    Challenges(ChallengeProperties properties, ClientAddresses addresses, SharedSecrets secrets, JdbcClient jdbc,
            MessageSource messages, Clock clock) {
        this.properties = properties;
        this.addresses = addresses;
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
     * @param noScriptPayload the pass accepted {@code noScriptSeconds} after the page was shown, on this
     *        page's form only
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

    /**
     * The subject of a page that comes before any hold (the slots page): the client's address group, the
     * one the hold rate limits count.
     */
    public String clientSubject(HttpServletRequest request) {
        return "address:" + addresses.groupOf(request);
    }

    /**
     * What a form shows; its no-JavaScript pass replaces any earlier pass of the subject.
     *
     * @param subject what the pass is bound to, as the form's handler names it again when it checks it
     */
    public PageChallenge forPage(String subject) {
        Instant now = clock.instant();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        Altcha.ChallengeOptions timeLock = new Altcha.ChallengeOptions().setMaxNumber(properties.maxNumber())
                .setNumber((long) RANDOM.nextInt((int) Math.min(Integer.MAX_VALUE, properties.maxNumber())))
                .addParam("notBefore", Long.toString(now.plus(properties.noScriptDelay()).getEpochSecond()))
                .addParam(PASS, pass);
        Challenge solved = sign(timeLock);
        jdbc.sql("INSERT INTO no_script_pass (subject, nonce, expires_at) VALUES (:subject, :nonce, :expiresAt) "
                        + "ON CONFLICT (subject) DO UPDATE SET nonce = EXCLUDED.nonce, expires_at = EXCLUDED.expires_at")
                .param("subject", subject).param("nonce", pass)
                .param("expiresAt", Timestamp.from(now.plus(properties.expiry())))
                .update();
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
     * Accepts a real solution once: the API's check, where a page's no-JavaScript pass is refused.
     *
     * @param payload the base64 solution ({@code Altcha} header)
     * @throws ApiProblem 400 {@code CHALLENGE_REQUIRED} without one, 403 {@code CHALLENGE_INVALID} for a
     *         wrong, tampered, expired, used one or a page's pass
     */
    public void verify(String payload) {
        verify(payload, null);
    }

    /**
     * A form's check: a real solution once, or the subject's outstanding no-JavaScript pass once, after
     * its delay.
     *
     * @param payload the widget's base64 payload or the page's pass (form field)
     * @param subject what the page's pass was bound to ({@link #forPage})
     * @throws ApiProblem as {@link #verify(String)}, and 403 {@code CHALLENGE_TOO_EARLY} for a pass sent
     *         before its time (the argument says how many seconds are left); a pass of another subject, or
     *         one replaced by a later page, is {@code CHALLENGE_INVALID}
     */
    public void verifyOnPage(String payload, String subject) {
        verify(payload, Objects.requireNonNull(subject));
    }

    private void verify(String payload, String pageSubject) {
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
        String pass = params.get(PASS);
        if (pass != null || notBefore != null) {
            // A pass costs no work: only on its own page's form, for its own subject.
            if (pageSubject == null || pass == null || notBefore == null) {
                throw invalid();
            }
            if (now < notBefore) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "CHALLENGE_TOO_EARLY", notBefore - now);
            }
            int used = jdbc.sql("DELETE FROM no_script_pass WHERE subject = :subject AND nonce = :nonce "
                            + "AND expires_at >= :now")
                    .param("subject", pageSubject).param("nonce", pass)
                    .param("now", Timestamp.from(clock.instant())).update();
            if (used == 0) {
                throw invalid();
            }
            return;
        }
        int recorded = jdbc.sql("INSERT INTO used_challenge (challenge, expires_at) VALUES (:challenge, :expiresAt) "
                + "ON CONFLICT (challenge) DO NOTHING")
                .param("challenge", solution.challenge)
                .param("expiresAt", Timestamp.from(Instant.ofEpochSecond(expires)))
                .update();
        if (recorded == 0) {
            throw invalid();
        }
    }

    /** Forgets used solutions and passes whose challenges have expired: they can no longer be sent anyway. */
    int removeExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("DELETE FROM used_challenge WHERE expires_at < :now").param("now", now).update()
                + jdbc.sql("DELETE FROM no_script_pass WHERE expires_at < :now").param("now", now).update();
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
