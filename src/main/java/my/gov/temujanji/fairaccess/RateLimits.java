package my.gov.temujanji.fairaccess;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Rate limits per client address and per document number, counted in PostgreSQL by Bucket4j (one row
 * per key, locked with SELECT ... FOR UPDATE), so requests to every node count together. A limit
 * allows its number of requests per period and refills all at once at the end of the period, so a
 * refused client is told exactly when to try again. Document numbers are keyed by an HMAC, never
 * stored as they are.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimitProperties properties;
    private final ClientAddresses addresses;
    private final SharedSecrets secrets;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimits(RateLimitProperties properties, ClientAddresses addresses, SharedSecrets secrets,
            DataSource dataSource) {
        this.properties = properties;
        this.addresses = addresses;
        this.secrets = secrets;
        // Bucket4j reads the system clock (its cleanup does too): limits count real seconds.
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
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
    public void check(LimitedAction action, HttpServletRequest request, String documentNumber) {
        if (!properties.enabled()) {
            return;
        }
        RateLimitProperties.Limit limit = properties.of(action);
        consume(action + ":address:" + addresses.groupOf(request), limit.perAddress());
        checkDocument(action, documentNumber);
    }

    /** Counts one request of this action for this document number only (none counted when blank). */
    public void checkDocument(LimitedAction action, String documentNumber) {
        if (!properties.enabled() || documentNumber == null || documentNumber.isBlank()) {
            return;
        }
        consume(action + ":document:" + documentKey(documentNumber), properties.of(action).perDocument());
    }

    /** Deletes the buckets that are full again, that is idle for a whole period. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    private void consume(String key, int perPeriod) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perPeriod).refillIntervally(perPeriod, properties.period()))
                .build();
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
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
