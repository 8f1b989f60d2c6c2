package my.gov.temujanji.slip;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Slips", description = "Checking that an appointment slip is genuine")
@RequiredArgsConstructor
class SlipApiController {

    private final SlipToken tokens;

    record VerificationView(Verification.Status status, AppointmentStatus appointmentStatus, String reference,
            String branch, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime start,
            String maskedDocumentNumber) {

        static VerificationView of(Verification v) {
            return new VerificationView(v.status(), v.appointmentStatus(), v.reference(), v.branchCode(), v.date(),
                    v.start(), v.maskedDocumentNumber());
        }
    }

    record Jwk(String kty, String crv, String x, String kid, String use, String alg) {
    }

    record JwkSet(List<Jwk> keys) {
    }

    /** RFC 7517 JWK Set of OKP keys (RFC 8037): what a scanner or another agency needs to check a slip offline. */
    @GetMapping(value = "/.well-known/temujanji-slip-keys", produces = "application/jwk-set+json")
    @Operation(summary = "The public keys that sign slips",
            description = "A JWK Set of Ed25519 keys (kty OKP, crv Ed25519). A slip token is the key's kid, a dot, then "
                    + "base64url (no padding) of the slip's fields followed by the 64-byte Ed25519 signature of the kid, "
                    + "the dot and the fields.")
    ResponseEntity<JwkSet> keys() {
        // Public and the same for everyone; a rotation shows within the hour.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new JwkSet(tokens.publicKeys().stream()
                        .map(key -> new Jwk("OKP", "Ed25519", key.x(), key.kid(), "sig", "EdDSA")).toList()));
    }

    @GetMapping("/api/v1/slips/verify")
    @Operation(summary = "Check the token of a slip's QR code",
            description = "GENUINE with the appointment's current status (CONFIRMED, CANCELLED, CHECKED_IN, LATE or NO_SHOW) and the slip's "
                    + "fields; REPLACED with only the reference for an older slip of an appointment that has moved since; "
                    + "or FORGED with every field null; 400 SLIP_TOKEN_REQUIRED without a token.")
    ResponseEntity<VerificationView> verify(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "SLIP_TOKEN_REQUIRED");
        }
        // The appointment's status can change at any time: no cache may keep an old answer.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(VerificationView.of(tokens.verify(token)));
    }
}
