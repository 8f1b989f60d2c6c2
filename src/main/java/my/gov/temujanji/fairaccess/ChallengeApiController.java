package my.gov.temujanji.fairaccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Fair access", description = "Proof-of-work challenge asked before a hold and a booking")
@RequiredArgsConstructor
class ChallengeApiController {

    private final Challenges challenges;

    @GetMapping("/api/v1/challenge")
    @Operation(summary = "A new ALTCHA challenge (SHA-256, protocol v1), valid for 5 minutes",
            description = "Find the number n (0..maxnumber) whose SHA-256 of salt + n, in hex, is the challenge; send "
                    + "base64 of {algorithm, challenge, number, salt, signature} as the Altcha header of POST "
                    + "/api/v1/holds, /api/v1/appointments or /api/v1/appointments/{reference}/reschedule. A solution is "
                    + "accepted once; a page's no-JavaScript pass is not.")
    ResponseEntity<Challenges.Challenge> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(challenges.create());
    }
}
