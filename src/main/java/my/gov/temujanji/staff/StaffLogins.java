package my.gov.temujanji.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.platform.ClientAddresses;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Staff logins against staff_account: the account Spring Security checks the password of, and what
 * each outcome writes (throttling counters and the audit entry, in one transaction).
 */
@Service
@RequiredArgsConstructor
class StaffLogins implements UserDetailsService, UserDetailsPasswordService {

    static final String SUBJECT = "staff_account";

    /** A locked username's stand-in hash: never checked (the lock refuses first), and matches nothing. */
    private static final String NO_PASSWORD = "{bcrypt}locked";

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final ClientAddresses addresses;
    private final Clock clock;

    /** Usernames are case-insensitive and kept in lower case; what is typed is clipped for the log. */
    static String normalise(String typed) {
        String u = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return u.isEmpty() ? "-" : u.length() > 100 ? u.substring(0, 100) : u;
    }

    /**
     * A username locked from this client's address is refused before its password is checked, so
     * guessing cannot go on from there; from elsewhere its owner still signs in. A locked username that
     * does not exist is refused the same way: the lock tells a stranger nothing.
     */
    @Override
    public UserDetails loadUserByUsername(String typed) {
        String username = normalise(typed);
        Optional<StaffAccounts.Account> account = accounts.find(username);
        if (accounts.lockedFrom(username, clientAddress(), clock.instant()).isPresent()) {
            return User.withUsername(username).password(NO_PASSWORD)
                    .roles(account.map(a -> a.role().name()).orElse(Role.OFFICER.name()))
                    .accountLocked(true).build();
        }
        return account.map(a -> User.withUsername(a.username())
                        .password(a.passwordHash())
                        .roles(a.role().name())
                        .disabled(!a.enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No staff account"));
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
        accounts.clearFailures(username, clientAddress());
        audit.recordAs(username, "STAFF_LOGIN", SUBJECT, username, null, null, null);
    }

    /** @return when the account is locked until, if it now is */
    @Transactional
    Optional<Instant> failed(String typedUsername) {
        String username = normalise(typedUsername);
        StaffProperties.Login login = properties.login();
        Optional<Instant> lockedUntil = accounts.countFailure(username, clientAddress(), clock.instant(),
                login.maxFailures(), login.failureWindow(), login.lockDuration());
        audit.recordAs(username, "STAFF_LOGIN_FAILED", SUBJECT, username, null, null,
                lockedUntil.map(until -> Map.of("lockedUntil", until.toString())).orElse(null));
        return lockedUntil;
    }

    /** A login refused without checking the password: the username is locked from here, or disabled. */
    @Transactional
    Optional<Instant> refused(String typedUsername, String reason) {
        String username = normalise(typedUsername);
        audit.recordAs(username, "STAFF_LOGIN_REFUSED", SUBJECT, username, null, null, Map.of("reason", reason));
        return accounts.lockedFrom(username, clientAddress(), clock.instant());
    }

    /** The address group a login comes from (through our proxies), as the login rate limit counts it. */
    private String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? addresses.groupOf(request.getRequest()) : "-";
    }

    /**
     * Deletes the failed-login rows whose lock has ended and whose window has passed: every address a
     * guesser tries leaves one, and none of them decides anything any more. Safe on every node at once.
     *
     * @return how many rows went
     */
    @Scheduled(fixedDelayString = "${temujanji.staff.login.sweep-interval:15m}")
    int sweepFailures() {
        return accounts.removeStaleFailures(clock.instant(), properties.login().failureWindow());
    }

    @Transactional
    void loggedOut(String username) {
        audit.recordAs(username, "STAFF_LOGOUT", SUBJECT, username, null, null, null);
    }
}
