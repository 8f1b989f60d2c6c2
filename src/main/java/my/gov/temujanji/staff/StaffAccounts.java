package my.gov.temujanji.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff_account and staff_branch tables. Every decision about throttling is one SQL statement. */
@Repository
class StaffAccounts {

    /** An account as stored (the hash never leaves this package). */
    record Account(String username, String displayName, String passwordHash, Role role, boolean enabled,
            boolean mustChangePassword, Instant lockedUntil, Set<String> branches) {

        StaffMember member() {
            return new StaffMember(username, displayName, role, branches, mustChangePassword);
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** What the audit log keeps of an account: never the hash. */
        Map<String, Object> snapshot() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("username", username);
            s.put("displayName", displayName);
            s.put("role", role.name());
            s.put("enabled", enabled);
            s.put("branches", List.copyOf(branches));
            return s;
        }
    }

    private static final String COLUMNS =
            "username, display_name, password_hash, role, enabled, must_change_password, locked_until";

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?")
                .param(username)
                .query((rs, n) -> account(rs, branchesOf(List.of(username)).getOrDefault(username, Set.of())))
                .optional();
    }

    List<Account> all() {
        List<Account> bare = jdbc.sql("SELECT " + COLUMNS + " FROM staff_account ORDER BY username")
                .query((rs, n) -> account(rs, Set.of()))
                .list();
        Map<String, Set<String>> branches = branchesOf(bare.stream().map(Account::username).toList());
        return bare.stream().map(a -> new Account(a.username(), a.displayName(), a.passwordHash(), a.role(),
                a.enabled(), a.mustChangePassword(), a.lockedUntil(), branches.getOrDefault(a.username(), Set.of())))
                .toList();
    }

    /** Usernames of the enabled staff working at a branch, with their roles. */
    Map<String, Role> workingAt(String branchCode) {
        Map<String, Role> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.username, a.role FROM staff_account a JOIN staff_branch b USING (username)
                WHERE b.branch_code = ? AND a.enabled ORDER BY a.username""")
                .param(branchCode)
                .query(rs -> {
                    found.put(rs.getString(1), Role.valueOf(rs.getString(2)));
                });
        return found;
    }

    /**
     * Creates an account that must change its password at first login; false when the username is
     * taken. Safe when several nodes try the same username at once (the primary key decides).
     */
    boolean create(String username, String displayName, Role role, Collection<String> branches, String passwordHash,
            boolean mustChangePassword, Instant now) {
        int created = jdbc.sql("""
                INSERT INTO staff_account (username, display_name, password_hash, role, must_change_password, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                .params(username, displayName, passwordHash, role.name(), mustChangePassword, Timestamp.from(now))
                .update();
        if (created == 0) {
            return false;
        }
        for (String branch : new TreeSet<>(branches)) {
            jdbc.sql("INSERT INTO staff_branch (username, branch_code) VALUES (?, ?)").params(username, branch).update();
        }
        return true;
    }

    boolean anyEnabledSystemAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_account WHERE role = 'SYSTEM_ADMIN' AND enabled)")
                .query(Boolean.class).single();
    }

    boolean setEnabled(String username, boolean enabled) {
        return jdbc.sql("UPDATE staff_account SET enabled = ? WHERE username = ?").params(enabled, username).update() == 1;
    }

    /** A new password; a reset (mustChange) also lifts a lock, as the administrator has checked who asks. */
    boolean setPassword(String username, String passwordHash, boolean mustChange) {
        return jdbc.sql("""
                UPDATE staff_account SET password_hash = ?, must_change_password = ?,
                       failed_logins = 0, failed_logins_since = NULL, locked_until = NULL
                WHERE username = ?""")
                .params(passwordHash, mustChange, username).update() == 1;
    }

    /** Replaces a hash by one of the current algorithm, keeping everything else. */
    void upgradeHash(String username, String passwordHash) {
        jdbc.sql("UPDATE staff_account SET password_hash = ? WHERE username = ?").params(passwordHash, username).update();
    }

    /**
     * Counts a failed login in one statement, so that failures on every node add up: the count starts
     * again when the last window has passed, and reaching {@code maxFailures} locks the account.
     *
     * @return when the account is locked until, if this failure locked it (or it already was)
     */
    Optional<Instant> countFailure(String username, Instant now, int maxFailures, Duration window, Duration lock) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(window));
        Timestamp lockedUntil = Timestamp.from(now.plus(lock));
        return jdbc.sql("""
                WITH counted AS (
                    SELECT username,
                           CASE WHEN failed_logins_since IS NULL OR failed_logins_since <= :windowStart
                                THEN 1 ELSE failed_logins + 1 END AS failures,
                           CASE WHEN failed_logins_since IS NULL OR failed_logins_since <= :windowStart
                                THEN :now ELSE failed_logins_since END AS since
                    FROM staff_account WHERE username = :username FOR UPDATE
                )
                UPDATE staff_account a SET
                    failed_logins = CASE WHEN c.failures >= :max THEN 0 ELSE c.failures END,
                    failed_logins_since = CASE WHEN c.failures >= :max THEN NULL ELSE c.since END,
                    locked_until = CASE WHEN c.failures >= :max THEN :lockedUntil ELSE a.locked_until END
                FROM counted c WHERE a.username = c.username
                RETURNING a.locked_until""")
                .param("windowStart", windowStart).param("now", at).param("username", username)
                .param("max", maxFailures).param("lockedUntil", lockedUntil)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(t -> t != null && t.after(at))
                .map(Timestamp::toInstant);
    }

    void clearFailures(String username) {
        jdbc.sql("""
                UPDATE staff_account SET failed_logins = 0, failed_logins_since = NULL, locked_until = NULL
                WHERE username = ? AND (failed_logins > 0 OR locked_until IS NOT NULL)""")
                .param(username).update();
    }

    private Map<String, Set<String>> branchesOf(List<String> usernames) {
        Map<String, Set<String>> found = new HashMap<>();
        if (usernames.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT username, branch_code FROM staff_branch WHERE username = ANY (?) ORDER BY branch_code")
                .param(usernames.toArray(String[]::new))
                .query(rs -> {
                    found.computeIfAbsent(rs.getString(1), u -> new TreeSet<>()).add(rs.getString(2));
                });
        return found;
    }

    private static Account account(ResultSet rs, Set<String> branches) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                locked == null ? null : locked.toInstant(), branches);
    }
}
