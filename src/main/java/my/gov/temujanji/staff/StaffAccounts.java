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
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff_account and staff_branch tables. Every decision about throttling is one SQL statement. */
@Repository
@RequiredArgsConstructor
class StaffAccounts {

    /** An account as stored (the hash never leaves this package). */
    record Account(String username, String displayName, String passwordHash, Role role, boolean enabled,
            boolean mustChangePassword, Set<String> branches) {

        StaffMember member() {
            return new StaffMember(username, displayName, role, branches, mustChangePassword);
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
            "username, display_name, password_hash, role, enabled, must_change_password";

    private final JdbcClient jdbc;

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
                a.enabled(), a.mustChangePassword(), branches.getOrDefault(a.username(), Set.of())))
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

    /** A new password; it also lifts every lock of the username, as whoever set it has been checked. */
    boolean setPassword(String username, String passwordHash, boolean mustChange) {
        jdbc.sql("DELETE FROM staff_login_failure WHERE username = ?").param(username).update();
        return jdbc.sql("""
                UPDATE staff_account SET password_hash = ?, must_change_password = ? WHERE username = ?""")
                .params(passwordHash, mustChange, username).update() == 1;
    }

    /** Replaces a hash by one of the current algorithm, keeping everything else. */
    void upgradeHash(String username, String passwordHash) {
        jdbc.sql("UPDATE staff_account SET password_hash = ? WHERE username = ?").params(passwordHash, username).update();
    }

    /**
     * Counts a failed login of this username from this address in one statement, so that failures on
     * every node add up: the count starts again when the last window has passed, and reaching
     * {@code maxFailures} locks the username from this address. Unknown usernames count the same.
     *
     * @return when the username is locked from this address until, if this failure locked it
     */
    Optional<Instant> countFailure(String username, String address, Instant now, int maxFailures, Duration window,
            Duration lock) {
        Timestamp at = Timestamp.from(now);
        // The count this failure makes: 1 when the window of the earlier ones has passed.
        String count = "(CASE WHEN f.since IS NULL OR f.since <= CAST(:windowStart AS timestamptz) THEN 1 "
                + "ELSE f.failures + 1 END)";
        return jdbc.sql("""
                INSERT INTO staff_login_failure AS f (username, address, failures, since, locked_until)
                VALUES (:username, :address, CASE WHEN 1 >= :max THEN 0 ELSE 1 END,
                        CASE WHEN 1 >= :max THEN NULL ELSE CAST(:now AS timestamptz) END,
                        CASE WHEN 1 >= :max THEN CAST(:lockedUntil AS timestamptz) END)
                ON CONFLICT (username, address) DO UPDATE SET
                    failures = CASE WHEN %1$s >= :max THEN 0 ELSE %1$s END,
                    since = CASE WHEN %1$s >= :max THEN NULL WHEN %1$s = 1 THEN CAST(:now AS timestamptz)
                                 ELSE f.since END,
                    locked_until = CASE WHEN %1$s >= :max THEN CAST(:lockedUntil AS timestamptz)
                                        ELSE f.locked_until END
                RETURNING f.locked_until""".formatted(count))
                .param("username", username).param("address", address).param("now", at)
                .param("windowStart", Timestamp.from(now.minus(window))).param("max", maxFailures)
                .param("lockedUntil", Timestamp.from(now.plus(lock)))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(t -> t != null && t.after(at))
                .map(Timestamp::toInstant);
    }

    /** Until when this username is locked from this address, if it is now. */
    Optional<Instant> lockedFrom(String username, String address, Instant now) {
        return jdbc.sql("""
                SELECT locked_until FROM staff_login_failure
                WHERE username = ? AND address = ? AND locked_until > ?""")
                .params(username, address, Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The usernames locked now from at least one address, each until its last lock ends. */
    Map<String, Instant> lockedUntil(Instant now) {
        Map<String, Instant> locked = new HashMap<>();
        jdbc.sql("""
                SELECT username, max(locked_until) AS until FROM staff_login_failure
                WHERE locked_until > ? GROUP BY username""")
                .param(Timestamp.from(now))
                .query((rs, n) -> locked.put(rs.getString("username"), rs.getTimestamp("until").toInstant()))
                .list();
        return locked;
    }

    /**
     * Deletes the failures that no longer decide anything, in one statement: no lock in force and no
     * failure within the window, so that the next failure would count from one anyway.
     *
     * @return how many rows went
     */
    int removeStaleFailures(Instant now, Duration window) {
        return jdbc.sql("""
                DELETE FROM staff_login_failure
                WHERE (locked_until IS NULL OR locked_until <= :now) AND (since IS NULL OR since <= :windowStart)""")
                .param("now", Timestamp.from(now)).param("windowStart", Timestamp.from(now.minus(window)))
                .update();
    }

    void clearFailures(String username, String address) {
        jdbc.sql("DELETE FROM staff_login_failure WHERE username = ? AND address = ?").params(username, address).update();
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
        return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                branches);
    }
}
