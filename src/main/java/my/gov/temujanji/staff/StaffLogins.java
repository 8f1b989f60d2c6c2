package my.gov.temujanji.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import my.gov.temujanji.audit.AuditLog;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff logins against staff_account: the account Spring Security checks the password of, and what
 * each outcome writes (throttling counters and the audit entry, in one transaction).
 */
@Service
class StaffLogins implements UserDetailsService, UserDetailsPasswordService {

    static final String SUBJECT = "staff_account";

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final Clock clock;

    StaffLogins(StaffAccounts accounts, AuditLog audit, StaffProperties properties, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Usernames are case-insensitive and kept in lower case; what is typed is clipped for the log. */
    static String normalise(String typed) {
        String u = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return u.isEmpty() ? "-" : u.length() > 100 ? u.substring(0, 100) : u;
    }

    /** A locked account is refused before its password is checked, so guessing cannot go on. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccounts.Account account = accounts.find(normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("No staff account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role().name())
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(clock.instant()))
                .build();
    }

    /** Rehashes with the current algorithm after a successful login with an older one. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.upgradeHash(user.getUsername(), newPassword);
        return User.withUserDetails(user).password(newPassword).build();
    }

    @Transactional
    void succeeded(String username) {
        accounts.clearFailures(username);
        audit.recordAs(username, "STAFF_LOGIN", SUBJECT, username, null, null, null);
    }

    /** @return when the account is locked until, if it now is */
    @Transactional
    Optional<Instant> failed(String typedUsername) {
        String username = normalise(typedUsername);
        StaffProperties.Login login = properties.login();
        Optional<Instant> lockedUntil = accounts.countFailure(username, clock.instant(), login.maxFailures(),
                login.failureWindow(), login.lockDuration());
        audit.recordAs(username, "STAFF_LOGIN_FAILED", SUBJECT, username, null, null,
                lockedUntil.map(until -> Map.of("lockedUntil", until.toString())).orElse(null));
        return lockedUntil;
    }

    /** A login refused without checking the password: the account is locked or disabled. */
    @Transactional
    Optional<Instant> refused(String typedUsername, String reason) {
        String username = normalise(typedUsername);
        audit.recordAs(username, "STAFF_LOGIN_REFUSED", SUBJECT, username, null, null, Map.of("reason", reason));
        return accounts.find(username).map(StaffAccounts.Account::lockedUntil);
    }

    @Transactional
    void loggedOut(String username) {
        audit.recordAs(username, "STAFF_LOGOUT", SUBJECT, username, null, null, null);
    }
}
