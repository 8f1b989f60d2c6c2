package my.gov.temujanji.slip;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The signed token a slip's QR code carries: the appointment's fields (see {@link SlipFields}) followed
 * by their HMAC-SHA256, in base64url without padding (under 130 characters). Anyone holding a slip can
 * read the fields; only this system can make a token that verifies.
 */
@Component
public class SlipToken {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    /** Far above any token issued; longer input is refused before any work. */
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Function<String, Optional<Appointment>> appointments;

    @Autowired
    SlipToken(Environment environment, Booking booking) {
        this(SigningKeys.resolve(environment), booking::findByReference);
    }

    SlipToken(byte[] key, Function<String, Optional<Appointment>> appointments) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.appointments = appointments;
    }

    public String issue(Appointment appointment) {
        byte[] payload = SlipFields.of(appointment).encode();
        byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, token, payload.length, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /**
     * GENUINE when this system signed the token and the appointment it names still has the fields it
     * carries; FORGED otherwise, whatever the input.
     */
    public Verification verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Verification.FORGED;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Verification.FORGED;
        }
        // The decoder ignores the unused low bits of the last character: only the one spelling we issue counts.
        if (bytes.length <= MAC_BYTES || !ENCODER.encodeToString(bytes).equals(token)) {
            return Verification.FORGED;
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] signature = Arrays.copyOfRange(bytes, payload.length, bytes.length);
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Verification.FORGED;
        }
        Optional<SlipFields> fields = SlipFields.decode(payload);
        return fields.flatMap(f -> appointments.apply(f.reference()).filter(f::describe)
                        .map(appointment -> new Verification(Verification.Status.GENUINE, appointment.status(),
                                f.reference(), f.branchCode(), f.date(), f.start(), f.maskedDocumentNumber())))
                .orElse(Verification.FORGED);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has " + ALGORITHM, e);
        }
    }
}
