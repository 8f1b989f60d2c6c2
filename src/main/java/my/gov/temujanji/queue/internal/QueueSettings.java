package my.gov.temujanji.queue.internal;

import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a branch sets for its queue: the appointment window, absent-after-calls and walk-in caps. */
@Repository
@RequiredArgsConstructor
class QueueSettings {

    /** A branch's choices; {@link #DEFAULT} until it saves its own. */
    record BranchRules(int appointmentWindowMinutes, int absentAfterCalls) {
        static final BranchRules DEFAULT = new BranchRules(15, 3);
    }

    private final JdbcClient jdbc;

    BranchRules rules(String branchCode) {
        return jdbc.sql("""
                SELECT appointment_window_minutes, absent_after_calls FROM queue_branch_setting
                WHERE branch_code = ?""").param(branchCode)
                .query((rs, n) -> new BranchRules(rs.getInt(1), rs.getInt(2))).optional()
                .orElse(BranchRules.DEFAULT);
    }

    void saveRules(String branchCode, BranchRules rules) {
        jdbc.sql("""
                INSERT INTO queue_branch_setting (branch_code, appointment_window_minutes, absent_after_calls)
                VALUES (?, ?, ?) ON CONFLICT (branch_code) DO UPDATE
                SET appointment_window_minutes = EXCLUDED.appointment_window_minutes,
                    absent_after_calls = EXCLUDED.absent_after_calls""")
                .params(branchCode, rules.appointmentWindowMinutes(), rules.absentAfterCalls()).update();
    }

    /** The daily walk-in cap per transaction type of the branch; a type not in the map takes none. */
    Map<String, Integer> walkInCaps(String branchCode) {
        return jdbc.sql("SELECT service_code, daily_cap FROM queue_walk_in WHERE branch_code = ? AND daily_cap > 0")
                .param(branchCode).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void saveWalkInCap(String branchCode, String serviceCode, int dailyCap) {
        jdbc.sql("""
                INSERT INTO queue_walk_in (branch_code, service_code, daily_cap) VALUES (?, ?, ?)
                ON CONFLICT (branch_code, service_code) DO UPDATE SET daily_cap = EXCLUDED.daily_cap""")
                .params(branchCode, serviceCode, dailyCap).update();
    }

    /** The letter of the type's numbers: its own, or the first letter of its code. */
    String prefix(String serviceCode) {
        return jdbc.sql("SELECT prefix FROM queue_prefix WHERE service_code = ?").param(serviceCode)
                .query(String.class).optional().orElse(serviceCode.substring(0, 1));
    }
}
