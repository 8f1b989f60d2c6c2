package my.gov.temujanji.slip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SlipTokenTest {

    static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    final Appointment appointment = appointment("K7M3QX9PLR", "SBH-UTC-KOTA-KINABALU", LocalTime.of(9, 0),
            new Applicant("Siti Nur Aisyah binti Ahmad", DocumentType.PASSPORT, "A12345678901234567", "IDN",
                    "siti@example.my", "+60123456789"));
    Appointment stored = appointment;
    final SlipToken tokens = new SlipToken(keys(1), "https://temujanji.example.my/",
            reference -> Optional.of(stored).filter(a -> a.reference().equals(reference)));

    @Test
    void anIssuedTokenIsCompactUrlSafeAndVerifiesGenuineWithTheAppointmentsFields() {
        String token = tokens.issue(appointment);

        // Ed25519's signature is 64 bytes (HMAC-SHA256's was 32): still a QR code a cheap camera reads.
        assertThat(token).hasSizeLessThan(200).matches("[A-Za-z0-9_-]{8}\\.[A-Za-z0-9_-]+")
                .startsWith(keys(1).kid() + ".");
        Verification verification = tokens.verify(token);
        assertThat(verification).isEqualTo(new Verification(Verification.Status.GENUINE, AppointmentStatus.CONFIRMED,
                "K7M3QX9PLR", "SBH-UTC-KOTA-KINABALU", LocalDate.of(2026, 9, 22), LocalTime.of(9, 0),
                "**************4567"));
    }

    @Test
    void theQrCodeHoldsTheVerificationPageAtThePublicAddress() {
        assertThat(tokens.link(appointment)).isEqualTo("https://temujanji.example.my/verify/" + tokens.issue(appointment));
    }

    @Test
    void changingAnyOneCharacterMakesItForged() {
        String token = tokens.issue(appointment);
        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            for (char replacement : new char[] {URL_SAFE.charAt((URL_SAFE.indexOf(original) + 1) % 64),
                    URL_SAFE.charAt((URL_SAFE.indexOf(original) + 33) % 64)}) {
                String flipped = token.substring(0, i) + replacement + token.substring(i + 1);
                assertThat(tokens.verify(flipped).status()).as("character %d changed to %s", i, replacement)
                        .isEqualTo(Verification.Status.FORGED);
            }
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsForged() {
        SlipToken otherSystem = new SlipToken(keys(2), "https://elsewhere.example", reference -> Optional.of(appointment));
        String theirs = otherSystem.issue(appointment);

        assertThat(tokens.verify(theirs)).isEqualTo(Verification.FORGED);
        // Their signature under our key id is no better.
        String underOurKid = keys(1).kid() + theirs.substring(theirs.indexOf('.'));
        assertThat(tokens.verify(underOurKid)).isEqualTo(Verification.FORGED);
    }

    @Test
    void afterARotationSlipsSignedWithTheRetiredKeyStillVerifyAndNewOnesCarryTheNewKeyId() {
        String old = tokens.issue(appointment);
        byte[] retiredPublicKey = java.util.Base64.getUrlDecoder().decode(keys(1).publicKeys().get(0).x());
        SigningKeys rotated = SigningKeys.of(key(3), java.util.List.of(retiredPublicKey));
        SlipToken afterRotation = new SlipToken(rotated, "https://temujanji.example.my", reference -> Optional.of(stored));

        assertThat(afterRotation.verify(old).status()).isEqualTo(Verification.Status.GENUINE);
        String fresh = afterRotation.issue(appointment);
        assertThat(fresh).startsWith(rotated.kid() + ".").doesNotStartWith(keys(1).kid());
        assertThat(afterRotation.verify(fresh).status()).isEqualTo(Verification.Status.GENUINE);
        // The old system, which never had the new key, cannot vouch for the new slip.
        assertThat(tokens.verify(fresh)).isEqualTo(Verification.FORGED);
    }

    @Test
    void anOlderSlipOfAMovedAppointmentIsReplacedAndOneOfAnUnknownAppointmentIsForged() {
        String token = tokens.issue(appointment);

        stored = appointment("K7M3QX9PLR", "SBH-UTC-KOTA-KINABALU", LocalTime.of(10, 0), appointment.applicant());
        assertThat(tokens.verify(token)).isEqualTo(new Verification(Verification.Status.REPLACED, null, "K7M3QX9PLR",
                null, null, null, null));
        assertThat(tokens.verify(token).genuine()).isFalse();
        stored = appointment("ABCDEFGHJK", "SBH-UTC-KOTA-KINABALU", LocalTime.of(9, 0), appointment.applicant());
        assertThat(tokens.verify(token)).isEqualTo(Verification.FORGED);
    }

    @Test
    void aCancelledAppointmentsSlipIsGenuineAndSaysCancelled() {
        String token = tokens.issue(appointment);
        stored = new Appointment(appointment.reference(), AppointmentStatus.CANCELLED, appointment.branchCode(),
                appointment.serviceCode(), appointment.date(), appointment.start(), appointment.end(),
                appointment.applicant(), appointment.createdAt(), appointment.language());

        Verification verification = tokens.verify(token);
        assertThat(verification.genuine()).isTrue();
        assertThat(verification.cancelled()).isTrue();
    }

    @Test
    void anythingElseIsForgedAndNeverAnException() {
        String token = tokens.issue(appointment);
        char[] huge = new char[100_000];
        Arrays.fill(huge, 'A');
        for (String input : new String[] {null, "", " ", "=", "AAAA", "not a token!", "%00", token + "=", token + "A",
                token.substring(1), token.substring(0, token.length() - 1), "\u0000\uFFFF", "ÀÉÎ", new String(huge),
                token.repeat(3), token.replace(".", ""), "." + token, token.substring(0, 9), "ABCDEFGH.", "ABCDEFGH.AAAA"}) {
            assertThat(tokens.verify(input)).as(input).isEqualTo(Verification.FORGED);
        }
    }

    static Appointment appointment(String reference, String branch, LocalTime start, Applicant applicant) {
        return new Appointment(reference, AppointmentStatus.CONFIRMED, branch, "BKE", LocalDate.of(2026, 9, 22), start,
                start.plusMinutes(15), applicant, Instant.parse("2026-07-13T01:00:00Z"), "ms");
    }

    static SigningKeys keys(int seed) {
        return SigningKeys.of(key(seed), java.util.List.of());
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
