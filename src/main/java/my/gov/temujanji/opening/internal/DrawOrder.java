package my.gov.temujanji.opening.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw's recipe, published on /statistik so anyone can re-check it: each ticket's key is
 * HMAC-SHA256(secret, the ticket id as lower-case text with dashes), the tickets sorted by their keys
 * in hex, in ascending order. No one, the department included, can choose the order without a secret
 * whose SHA-256 was shown before the opening.
 */
public final class DrawOrder {

    private DrawOrder() {
    }

    public static String sha256(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    public static String key(byte[] secret, UUID ticket) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(ticket.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    private record Keyed(UUID ticket, String key) {
    }

    /** The tickets in the drawn order. */
    public static List<UUID> order(byte[] secret, List<UUID> tickets) {
        return tickets.stream().map(t -> new Keyed(t, key(secret, t))).sorted(Comparator.comparing(Keyed::key))
                .map(Keyed::ticket).toList();
    }
}
