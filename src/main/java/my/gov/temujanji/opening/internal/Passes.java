package my.gov.temujanji.opening.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.fairaccess.SharedSecrets;
import org.springframework.stereotype.Component;

/**
 * The admission pass: {@code ticket.expiry.signature}, the signature an HMAC-SHA256 with the server's
 * pass key over the ticket, the expiry (epoch seconds) and the SHA-256 of the browser's own token, so a
 * pass copied to another browser, or changed, verifies nowhere. Whether it was spent is the ticket's row.
 */
@Component
@RequiredArgsConstructor
class Passes {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OpeningProperties properties;
    private final SharedSecrets secrets;

    /** The SHA-256 of a browser's (or API client's) token, as the ticket keeps it. */
    static String clientHash(String client) {
        return DrawOrder.sha256(client.getBytes(StandardCharsets.UTF_8));
    }

    String issue(UUID ticket, Instant expires, String clientHash) {
        String body = ticket + "." + expires.getEpochSecond();
        return body + "." + BASE64URL.encodeToString(mac(body + "." + clientHash));
    }

    /** The ticket of a pass signed for this client and not expired at {@code now}. */
    Optional<UUID> verify(String pass, String client, Instant now) {
        if (pass == null || client == null) {
            return Optional.empty();
        }
        String[] parts = pass.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        byte[] expected = mac(parts[0] + "." + parts[1] + "." + clientHash(client));
        byte[] given;
        UUID ticket;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
            ticket = UUID.fromString(parts[0]);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given) || !now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    private byte[] mac(String text) {
        String key = properties.passKey().isBlank() ? secrets.get("opening-pass-key") : properties.passKey();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
