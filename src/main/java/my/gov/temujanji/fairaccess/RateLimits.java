package my.gov.temujanji.fairaccess;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rate limits per client address and per document number, counted in PostgreSQL (one row per key:
 * the start of its window and the requests counted in it), so requests to every node count together.
 * A limit allows its number of requests per period from a key's first request, and refills all at once
 * at the end of that window, so a refused client is told exactly when to try again. One statement
 * counts a request against both its limits, on its own connection and outside any transaction (what
 * it counted stays counted), in the database's clock: limits count real seconds, whatever the
 * application's clock says, and every node the same ones. Document numbers are keyed by an HMAC,
 * never stored as they are.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /**
     * A key's window, counted by one upsert: a window that has run its period starts again with this
     * request. {@code %1$s} names the CTE, {@code %2$s} the key's parameter, {@code %3$s} a condition.
     */
    private static final String COUNT = """
            %1$s AS (
                INSERT INTO rate_limit_window AS w (key, started_at, used)
                SELECT CAST(:%2$s AS text), now(), 1 WHERE CAST(:%2$s AS text) IS NOT NULL AND %3$s
                ON CONFLICT (key) DO UPDATE SET
                    started_at = CASE WHEN w.started_at + :period * interval '1 second' > now() THEN w.started_at ELSE now() END,
                    used = CASE WHEN w.started_at + :period * interval '1 second' > now() THEN w.used + 1 ELSE 1 END
                RETURNING used, extract(epoch FROM started_at + :period * interval '1 second' - now()) AS wait)""";

    /**
     * The address's window first; the document's only when the address's limit lets the request
     * through, as a refused request is not counted further.
     */
    private static final String BOTH = "WITH " + COUNT.formatted("address", "addressKey", "true") + ",\n"
            + COUNT.formatted("document", "documentKey", "NOT EXISTS (SELECT 1 FROM address WHERE used > :perAddress)")
            + """

            SELECT a.used AS address_used, a.wait AS address_wait, d.used AS document_used, d.wait AS document_wait
            FROM (SELECT 1) one LEFT JOIN address a ON true LEFT JOIN document d ON true""";

    private final RateLimitProperties properties;
    private final ClientAddresses addresses;
    private final SharedSecrets secrets;
    private final JdbcClient jdbc;

    RateLimits(RateLimitProperties properties, ClientAddresses addresses, SharedSecrets secrets, JdbcClient jdbc) {
        this.properties = properties;
        this.addresses = addresses;
        this.secrets = secrets;
        this.jdbc = jdbc;
        if (!properties.enabled()) {
            log.warn("*** RATE LIMITS ARE OFF (temujanji.rate-limit.enabled=false): for load tests only, never in "
                    + "production ***");
        }
    }

    /**
     * Counts one request of this action from the request's client address and, when given, for this
     * document number.
     *
     * @throws ApiProblem 429 {@code RATE_LIMITED} with {@code Retry-After} when either limit is used up
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void check(LimitedAction action, HttpServletRequest request, String documentNumber) {
        if (!properties.enabled()) {
            return;
        }
        count(action, action + ":address:" + addresses.groupOf(request), documentNumber);
    }

    /** Counts one request of this action for this document number only (none counted when blank). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void checkDocument(LimitedAction action, String documentNumber) {
        if (!properties.enabled()) {
            return;
        }
        count(action, null, documentNumber);
    }

    /** Deletes the windows that have run their period: their keys start afresh anyway. */
    int removeExpired(int batch) {
        return jdbc.sql("""
                        DELETE FROM rate_limit_window WHERE key IN (
                            SELECT key FROM rate_limit_window WHERE started_at + :period * interval '1 second' <= now() LIMIT :batch)""")
                .param("period", properties.period().toSeconds()).param("batch", batch).update();
    }

    private void count(LimitedAction action, String addressKey, String documentNumber) {
        RateLimitProperties.Limit limit = properties.of(action);
        String documentKey = documentNumber == null || documentNumber.isBlank() ? null
                : action + ":document:" + documentKey(documentNumber);
        if (addressKey == null && documentKey == null) {
            return;
        }
        jdbc.sql(BOTH)
                .param("addressKey", addressKey).param("documentKey", documentKey)
                .param("period", properties.period().toSeconds()).param("perAddress", limit.perAddress())
                .query((rs, n) -> {
                    refuseBeyond(rs.getObject("address_used", Integer.class), limit.perAddress(), rs.getDouble("address_wait"));
                    refuseBeyond(rs.getObject("document_used", Integer.class), limit.perDocument(), rs.getDouble("document_wait"));
                    return true;
                })
                .single();
    }

    private static void refuseBeyond(Integer used, int limit, double waitSeconds) {
        if (used != null && used > limit) {
            long seconds = Math.max(1, (long) Math.ceil(waitSeconds));
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", seconds)
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
    }

    /** The same for every way of writing one number (spaces, dashes, case), and not the number itself. */
    private String documentKey(String documentNumber) {
        String normalised = documentNumber.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.get("rate-limit-document-key").getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
