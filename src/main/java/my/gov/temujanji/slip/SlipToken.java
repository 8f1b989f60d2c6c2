package my.gov.temujanji.slip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The signed token a slip's QR code carries, inside the address of the verification page: the id of
 * the signing key, a dot, then the appointment's fields (see {@link SlipFields}) followed by their
 * Ed25519 signature, in base64url without padding (under 200 characters). The signature covers the key
 * id, the dot and the fields. Anyone holding a slip can read the fields, and anyone with the published
 * public keys can check them offline; only this system can make a token that verifies.
 */
@Component
public class SlipToken {

    /** Far above any token issued; longer input is refused before any work. */
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{" + SigningKeys.KID_LENGTH + "}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final String verifyUrl;
    private final Function<String, Optional<Appointment>> appointments;

    @Autowired
    SlipToken(Environment environment, Booking booking,
            @Value("${temujanji.notification.public-url:http://localhost:8080}") String publicUrl) {
        this(SigningKeys.resolve(environment), publicUrl, booking::findByReference);
    }

    SlipToken(SigningKeys keys, String publicUrl, Function<String, Optional<Appointment>> appointments) {
        this.keys = keys;
        this.verifyUrl = publicUrl.replaceAll("/+$", "") + "/verify/";
        this.appointments = appointments;
    }

    public String issue(Appointment appointment) {
        String kid = keys.kid();
        byte[] fields = SlipFields.of(appointment).encode();
        byte[] signature = keys.sign(signed(kid, fields));
        byte[] body = Arrays.copyOf(fields, fields.length + signature.length);
        System.arraycopy(signature, 0, body, fields.length, signature.length);
        return kid + "." + ENCODER.encodeToString(body);
    }

    /** What the QR code holds: the verification page's address at the public address, so a camera opens it. */
    public String link(Appointment appointment) {
        return verifyUrl + issue(appointment);
    }

    /**
     * GENUINE when one of our keys signed the token and the appointment it names still has the fields it
     * carries; REPLACED when the signature is good but the appointment has moved since (an older slip);
     * FORGED otherwise, whatever the input.
     */
    public Verification verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Verification.FORGED;
        }
        int dot = token.indexOf('.');
        if (dot < 0 || !KID.matcher(token.substring(0, dot)).matches()) {
            return Verification.FORGED;
        }
        String kid = token.substring(0, dot);
        String encoded = token.substring(dot + 1);
        byte[] body;
        try {
            body = DECODER.decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Verification.FORGED;
        }
        // The decoder ignores the unused low bits of the last character: only the one spelling we issue counts.
        if (body.length <= SigningKeys.SIGNATURE_BYTES || !ENCODER.encodeToString(body).equals(encoded)) {
            return Verification.FORGED;
        }
        byte[] fields = Arrays.copyOf(body, body.length - SigningKeys.SIGNATURE_BYTES);
        byte[] signature = Arrays.copyOfRange(body, fields.length, body.length);
        if (!keys.verify(kid, signed(kid, fields), signature)) {
            return Verification.FORGED;
        }
        return SlipFields.decode(fields).flatMap(f -> appointments.apply(f.reference()).map(appointment ->
                        f.describe(appointment)
                                ? new Verification(Verification.Status.GENUINE, appointment.status(), f.reference(),
                                        f.branchCode(), f.date(), f.start(), f.maskedDocumentNumber())
                                : Verification.replaced(f.reference())))
                .orElse(Verification.FORGED);
    }

    /** The keys that verify slips, to publish. */
    java.util.List<SigningKeys.PublicSlipKey> publicKeys() {
        return keys.publicKeys();
    }

    private static byte[] signed(String kid, byte[] fields) {
        byte[] prefix = (kid + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(prefix, prefix.length + fields.length);
        System.arraycopy(fields, 0, message, prefix.length, fields.length);
        return message;
    }
}
