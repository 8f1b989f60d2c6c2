package my.gov.temujanji.slip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import my.gov.temujanji.booking.Applicant;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.DocumentType;
import org.junit.jupiter.api.Test;

class SlipTokenTest {

    static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    final Appointment appointment = appointment("K7M3QX9PLR", "SBH-UTC-KOTA-KINABALU", LocalTime.of(9, 0),
            new Applicant("Siti Nur Aisyah binti Ahmad", DocumentType.PASSPORT, "A12345678901234567", "IDN",
                    "siti@example.my", "+60123456789"));
    Appointment stored = appointment;
    final SlipToken tokens = new SlipToken(key(1), reference -> Optional.of(stored).filter(a -> a.reference().equals(reference)));

    @Test
    void anIssuedTokenIsCompactUrlSafeAndVerifiesGenuineWithTheAppointmentsFields() {
        String token = tokens.issue(appointment);

        assertThat(token).hasSizeLessThan(150).matches("[A-Za-z0-9_-]+");
        Verification verification = tokens.verify(token);
        assertThat(verification).isEqualTo(new Verification(Verification.Status.GENUINE, AppointmentStatus.CONFIRMED,
                "K7M3QX9PLR", "SBH-UTC-KOTA-KINABALU", LocalDate.of(2026, 9, 22), LocalTime.of(9, 0),
                "**************4567"));
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
        SlipToken otherSystem = new SlipToken(key(2), reference -> Optional.of(appointment));

        assertThat(tokens.verify(otherSystem.issue(appointment))).isEqualTo(Verification.FORGED);
    }

    @Test
    void aSlipForAnAppointmentThatNoLongerMatchesOrExistsIsForged() {
        String token = tokens.issue(appointment);

        stored = appointment("K7M3QX9PLR", "SBH-UTC-KOTA-KINABALU", LocalTime.of(10, 0), appointment.applicant());
        assertThat(tokens.verify(token)).isEqualTo(Verification.FORGED);
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
                token.repeat(3)}) {
            assertThat(tokens.verify(input)).as(input).isEqualTo(Verification.FORGED);
        }
    }

    static Appointment appointment(String reference, String branch, LocalTime start, Applicant applicant) {
        return new Appointment(reference, AppointmentStatus.CONFIRMED, branch, "BKE", LocalDate.of(2026, 9, 22), start,
                start.plusMinutes(15), applicant, Instant.parse("2026-07-13T01:00:00Z"), "ms");
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
