package my.gov.temujanji.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL advisory lock per branch, held until the transaction ends, between taking a place and
 * changing the branch's schedule. Every place taken holds it shared, so bookings never wait for each
 * other; a change of hours, closures or places holds it exclusively while it counts and frees the
 * places it takes away, so no node can take a place on a day as that day is being closed (a slot row
 * lock could not do that: a slot nobody has booked yet has no row to lock). The two-key form keeps
 * these locks apart from the one-key locks a booking takes on its request key, document and address,
 * which {@link #sharedAfter} takes in the same statement.
 */
final class BranchScheduleLock {

    /** The first key of every branch's lock: which kind of lock this is. */
    private static final int KIND = 0x5343; // "SC"

    private BranchScheduleLock() {
    }

    static void shared(JdbcClient jdbc, String branchCode) {
        sharedAfter(jdbc, branchCode);
    }

    /**
     * Takes one-key advisory locks on {@code keys} in the order given (PostgreSQL evaluates a select list
     * from left to right), then the branch's lock shared when {@code branchCode} is not null: one statement.
     */
    static void sharedAfter(JdbcClient jdbc, String branchCode, String... keys) {
        List<String> locks = new ArrayList<>(Collections.nCopies(keys.length, "pg_advisory_xact_lock(hashtextextended(?, 0))"));
        List<Object> params = new ArrayList<>(Arrays.asList(keys));
        if (branchCode != null) {
            locks.add("pg_advisory_xact_lock_shared(?, hashtext(?))");
            params.addAll(List.of(KIND, branchCode));
        }
        jdbc.sql("SELECT " + String.join(", ", locks)).params(params).query().singleRow();
    }

    static void exclusive(JdbcClient jdbc, String branchCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(KIND, branchCode).query().singleRow();
    }
}
