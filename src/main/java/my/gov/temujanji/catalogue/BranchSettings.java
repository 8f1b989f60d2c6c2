package my.gov.temujanji.catalogue;

import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to what a branch offers, for branch configuration: places per slot, slot length, the
 * branch's own booking window, and the minutes of grace for a late applicant. Writes in the caller's
 * transaction, which also deals with the appointments a change affects.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BranchSettings {

    /**
     * How a branch offers a transaction type, as its administrator edits it: {@code leadDays} and
     * {@code windowMonths} are the branch's own (null: the type's default, {@code defaultLeadDays},
     * {@code defaultWindowMonths}).
     */
    public record OfferingSettings(String serviceCode, LocalizedText serviceName, int slotMinutes, int capacity,
            Integer leadDays, Integer windowMonths, int defaultLeadDays, int defaultWindowMonths) {
    }

    private final JdbcClient jdbc;

    public List<OfferingSettings> settingsAt(String branchCode) {
        return settingsWhere("o.branch_code = ?", branchCode);
    }

    public Optional<OfferingSettings> settings(String branchCode, String serviceCode) {
        return settingsWhere("o.branch_code = ? AND o.service_code = ?", branchCode, serviceCode).stream().findFirst();
    }

    private List<OfferingSettings> settingsWhere(String condition, Object... params) {
        return jdbc.sql("""
                        SELECT o.service_code, t.name_ms, t.name_en, o.slot_minutes, o.capacity, o.lead_days,
                               o.window_months, t.lead_days AS default_lead_days, t.window_months AS default_window_months
                        FROM offering o JOIN transaction_type t ON t.code = o.service_code WHERE\s""" + condition
                        + " ORDER BY t.code")
                .params(params)
                .query((rs, n) -> new OfferingSettings(rs.getString(1), new LocalizedText(rs.getString(2), rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getInt(8),
                        rs.getInt(9)))
                .list();
    }

    /** Sets an offering's settings; the caller frees the places the change takes away. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(String branchCode, OfferingSettings settings) {
        int updated = jdbc.sql("""
                        UPDATE offering SET slot_minutes = ?, capacity = ?, lead_days = ?, window_months = ?
                        WHERE branch_code = ? AND service_code = ?""")
                .params(settings.slotMinutes(), settings.capacity(), settings.leadDays(), settings.windowMonths(),
                        branchCode, settings.serviceCode())
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException(branchCode + " does not offer " + settings.serviceCode());
        }
    }

    public int lateGraceMinutes(String branchCode) {
        return jdbc.sql("SELECT late_grace_minutes FROM branch WHERE code = ?").param(branchCode).query(Integer.class)
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void setLateGraceMinutes(String branchCode, int minutes) {
        jdbc.sql("UPDATE branch SET late_grace_minutes = ? WHERE code = ?").params(minutes, branchCode).update();
    }
}
