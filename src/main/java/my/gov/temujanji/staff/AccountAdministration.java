package my.gov.temujanji.staff;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to accounts, each written to the audit log in its own transaction. */
@Service
@RequiredArgsConstructor
class AccountAdministration {

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final Clock clock;

    /** @return the one-time password, or empty when the username is taken */
    @Transactional
    Optional<String> create(String username, String displayName, Role role, Collection<String> branches) {
        String password = OneTimePasswords.next();
        if (!accounts.create(username, displayName, role, role.hasBranches() ? branches : java.util.List.of(),
                passwords.encode(password), true, clock.instant())) {
            return Optional.empty();
        }
        audit.record("STAFF_ACCOUNT_CREATED", StaffLogins.SUBJECT, username, null, null,
                accounts.find(username).orElseThrow().snapshot());
        return Optional.of(password);
    }

    /** @return false when there is no such account */
    @Transactional
    boolean setEnabled(String username, boolean enabled) {
        Optional<StaffAccounts.Account> before = accounts.find(username);
        if (before.isEmpty() || !accounts.setEnabled(username, enabled)) {
            return false;
        }
        audit.record(enabled ? "STAFF_ACCOUNT_ENABLED" : "STAFF_ACCOUNT_DISABLED", StaffLogins.SUBJECT, username,
                null, before.get().snapshot(), accounts.find(username).orElseThrow().snapshot());
        return true;
    }

    /** A new one-time password the member must change at their next login; lifts a lock. */
    @Transactional
    Optional<String> resetPassword(String username) {
        String password = OneTimePasswords.next();
        if (!accounts.setPassword(username, passwords.encode(password), true)) {
            return Optional.empty();
        }
        audit.record("STAFF_PASSWORD_RESET", StaffLogins.SUBJECT, username, null, null, null);
        return Optional.of(password);
    }

    /** The signed-in member's own new password. */
    @Transactional
    void changeOwnPassword(String username, String newPassword) {
        accounts.setPassword(username, passwords.encode(newPassword), false);
        audit.record("STAFF_PASSWORD_CHANGED", StaffLogins.SUBJECT, username, null, null,
                Map.of("mustChangePassword", false));
    }
}
