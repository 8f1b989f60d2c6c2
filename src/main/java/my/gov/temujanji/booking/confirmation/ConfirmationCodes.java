package my.gov.temujanji.booking.confirmation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.fairaccess.SharedSecrets;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The six-digit codes that confirm a booking. Only a keyed hash of a code is stored (HMAC-SHA-256
 * with a key all nodes share, over the reference and the code): with a plain hash, a million tries
 * would find any code from a copy of the table. Codes are compared in constant time. Public for the
 * waitlist and the waiting room's tickets, whose e-mail addresses are confirmed the same way (their
 * own subject or reference in place of an appointment's).
 */
// The one part of the code workflow other capabilities use: the waitlist and the waiting room confirm
// e-mail addresses with the same codes.
@NamedInterface("confirmation-codes")
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConfirmationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharedSecrets secrets;

    /** A new code: six digits, leading zeros included. */
    public String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public String hash(String reference, String code) {
        return HexFormat.of().formatHex(mac(reference, code));
    }

    /** Whether {@code candidate} is the code whose hash is stored, in time independent of where they differ. */
    public boolean matches(String reference, String candidate, String storedHash) {
        return MessageDigest.isEqual(mac(reference, candidate), HexFormat.of().parseHex(storedHash));
    }

    /** The code as typed, without spaces or dashes, when it is six digits; otherwise null. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.matches("[0-9]{6}") ? digits : null;
    }

    private byte[] mac(String reference, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secrets.get("confirmation-code-key")), "HmacSHA256"));
            return mac.doFinal((reference + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
