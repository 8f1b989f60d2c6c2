package my.gov.temujanji.queue.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.fairaccess.SharedSecrets;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pass that unlocks a branch's kiosk: a cookie naming the branch and when it ends (the end of the
 * branch's day), signed with a key every node shares. A staff member of the branch issues it on the
 * kiosk's browser; no session is kept for it, so any node accepts it and nobody can forge one.
 */
@Component
@RequiredArgsConstructor
class KioskPass {

    static final String COOKIE = "temujanji_kiosk";
    private static final String SECRET = "queue-kiosk-pass";

    private final SharedSecrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    /** A pass for the branch until midnight, branch time, issued by this staff member (audited). */
    @Transactional
    ResponseCookie issue(String branchCode, String issuer, boolean secure) {
        Instant until = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        String value = branchCode + "." + until.getEpochSecond();
        audit.recordAs(issuer, "QUEUE_KIOSK_UNLOCK", "kiosk", branchCode, branchCode, null,
                java.util.Map.of("until", until.toString()));
        return cookie(value + "." + sign(value), secure)
                .maxAge(java.time.Duration.between(clock.instant(), until)).build();
    }

    ResponseCookie revoke(boolean secure) {
        return cookie("", secure).maxAge(0).build();
    }

    /** Whether the request carries a pass for this branch that has not ended. */
    boolean unlocks(HttpServletRequest request, String branchCode) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && valid(cookie.getValue(), branchCode)) {
                return true;
            }
        }
        return false;
    }

    private boolean valid(String pass, String branchCode) {
        int signatureAt = pass.lastIndexOf('.');
        if (signatureAt < 0) {
            return false;
        }
        String value = pass.substring(0, signatureAt);
        if (!MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
                pass.substring(signatureAt + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        int untilAt = value.lastIndexOf('.');
        return untilAt > 0 && value.substring(0, untilAt).equals(branchCode)
                && value.substring(untilAt + 1).matches("\\d{1,12}")
                && Long.parseLong(value.substring(untilAt + 1)) > clock.instant().getEpochSecond();
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secrets.get(SECRET)), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(String value, boolean secure) {
        return ResponseCookie.from(COOKIE, value).path("/kiosk").httpOnly(true).secure(secure).sameSite("Strict");
    }
}
