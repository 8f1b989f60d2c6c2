package my.gov.temujanji.queue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The numbered desks of a branch and who is signed in to each. Signing in is one conditional update
 * (a desk is free, the officer's own, or left signed in on an earlier day), and makes a device token
 * whose hash only is kept: the JSON API acts with it for that officer at that desk until sign-out.
 */
@Repository
@RequiredArgsConstructor
class Counters {

    record Desk(String branchCode, int number, List<String> serviceCodes, String officer, Instant signedInAt) {
    }

    private static final String COLUMNS = "branch_code, number, service_codes, officer, signed_in_at";
    private static final RowMapper<Desk> ROW = Counters::map;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    List<Desk> of(String branchCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_counter WHERE branch_code = ? ORDER BY number")
                .param(branchCode).query(ROW).list();
    }

    Optional<Desk> find(String branchCode, int number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_counter WHERE branch_code = ? AND number = ?")
                .params(branchCode, number).query(ROW).optional();
    }

    /** The desk, locked until the transaction ends: call-next decides under it. */
    Optional<Desk> lock(String branchCode, int number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_counter WHERE branch_code = ? AND number = ? FOR UPDATE")
                .params(branchCode, number).query(ROW).optional();
    }

    /** The desk whose device token this is. */
    Optional<Desk> byToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_counter WHERE token_hash = ?").param(hash(token))
                .query(ROW).optional();
    }

    void save(String branchCode, int number, List<String> serviceCodes) {
        jdbc.sql("""
                INSERT INTO queue_counter (branch_code, number, service_codes) VALUES (?, ?, ?)
                ON CONFLICT (branch_code, number) DO UPDATE SET service_codes = EXCLUDED.service_codes""")
                .params(branchCode, number, serviceCodes.toArray(String[]::new)).update();
    }

    /** Removes a desk no one is signed in to; false otherwise. */
    boolean remove(String branchCode, int number) {
        return jdbc.sql("DELETE FROM queue_counter WHERE branch_code = ? AND number = ? AND officer IS NULL")
                .params(branchCode, number).update() == 1;
    }

    /** Signs the officer in and returns the new device token; empty when another officer holds the desk today. */
    Optional<String> signIn(String branchCode, int number, String officer, Instant now, Instant startOfDay) {
        String token = newToken();
        int updated = jdbc.sql("""
                UPDATE queue_counter SET officer = ?, token_hash = ?, signed_in_at = ?
                WHERE branch_code = ? AND number = ? AND (officer IS NULL OR officer = ? OR signed_in_at < ?)""")
                .params(officer, hash(token), Timestamp.from(now), branchCode, number, officer,
                        Timestamp.from(startOfDay))
                .update();
        return updated == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Signs the officer out, ending their device token; false when they were not signed in there. */
    boolean signOut(String branchCode, int number, String officer) {
        return jdbc.sql("""
                UPDATE queue_counter SET officer = NULL, token_hash = NULL, signed_in_at = NULL
                WHERE branch_code = ? AND number = ? AND officer = ?""")
                .params(branchCode, number, officer).update() == 1;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Desk map(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("service_codes");
        return new Desk(rs.getString("branch_code"), rs.getInt("number"), List.of((String[]) codes.getArray()),
                rs.getString("officer"), Tickets.instant(rs, "signed_in_at"));
    }
}
