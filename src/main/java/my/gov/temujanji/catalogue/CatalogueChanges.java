package my.gov.temujanji.catalogue;

import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the catalogue made by system administration, each in the caller's transaction (which
 * records the audit entry too). Codes never change once made, and nothing is deleted: appointments,
 * slots, staff and closures refer to branches and offerings, which are deactivated instead. Updates
 * lock the row and answer what it was before, for the audit log.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CatalogueChanges {

    /** An offering's own settings, as the administration edits them. */
    public record OfferingSettings(String branchCode, String serviceCode, int slotMinutes, int capacity,
            boolean active) {
    }

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    /** Adds a department; false when its code is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean create(Department d) {
        return jdbc.sql("""
                        INSERT INTO department (code, name_ms, name_en, state_code) VALUES (?, ?, ?, ?)
                        ON CONFLICT (code) DO NOTHING""")
                .params(d.code(), d.name().ms(), d.name().en(), d.stateCode()).update() == 1;
    }

    /** Changes a department's names and state; answers it as it was, or empty when there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Department> update(Department d) {
        Optional<Department> before = lock("department", d.code())
                .flatMap(code -> catalogue.allDepartments().stream().filter(x -> x.code().equals(code)).findFirst());
        before.ifPresent(b -> jdbc.sql("UPDATE department SET name_ms = ?, name_en = ?, state_code = ? WHERE code = ?")
                .params(d.name().ms(), d.name().en(), d.stateCode(), d.code()).update());
        return before;
    }

    /** Adds a branch; false when its code is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean create(Branch b) {
        return jdbc.sql("""
                        INSERT INTO branch (code, department_code, state_code, name_ms, name_en, address, active)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
                .params(b.code(), b.departmentCode(), b.stateCode(), b.name().ms(), b.name().en(), b.address(),
                        b.active())
                .update() == 1;
    }

    /** Changes everything of a branch but its code, its active flag included; answers it as it was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Branch> update(Branch b) {
        Optional<Branch> before = lock("branch", b.code()).flatMap(catalogue::branch);
        before.ifPresent(x -> jdbc.sql("""
                        UPDATE branch SET department_code = ?, state_code = ?, name_ms = ?, name_en = ?, address = ?,
                            active = ? WHERE code = ?""")
                .params(b.departmentCode(), b.stateCode(), b.name().ms(), b.name().en(), b.address(), b.active(),
                        b.code())
                .update());
        return before;
    }

    /** Adds a transaction type; false when its code is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean create(TransactionType t) {
        return jdbc.sql("""
                        INSERT INTO transaction_type (code, name_ms, name_en, slot_minutes, lead_days, window_months,
                            email_confirmation)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
                .params(t.code(), t.name().ms(), t.name().en(), t.slotMinutes(), t.leadDays(), t.windowMonths(),
                        t.emailConfirmation())
                .update() == 1;
    }

    /**
     * Changes a transaction type's names, default slot length, booking window and whether its bookings wait
     * for an e-mailed code; answers it as it was.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<TransactionType> update(TransactionType t) {
        Optional<TransactionType> before = lock("transaction_type", t.code())
                .flatMap(code -> catalogue.transactionTypes().stream().filter(x -> x.code().equals(code)).findFirst());
        before.ifPresent(x -> jdbc.sql("""
                        UPDATE transaction_type SET name_ms = ?, name_en = ?, slot_minutes = ?, lead_days = ?,
                            window_months = ?, email_confirmation = ? WHERE code = ?""")
                .params(t.name().ms(), t.name().en(), t.slotMinutes(), t.leadDays(), t.windowMonths(),
                        t.emailConfirmation(), t.code())
                .update());
        return before;
    }

    /**
     * Makes a branch offer a transaction type, or changes how it does; answers the settings before, or
     * empty when it is new. Slots already booked keep the capacity they were made with.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OfferingSettings> save(OfferingSettings o) {
        Optional<OfferingSettings> before = jdbc.sql("""
                        SELECT branch_code, service_code, slot_minutes, capacity, active FROM offering
                        WHERE branch_code = ? AND service_code = ? FOR UPDATE""")
                .params(o.branchCode(), o.serviceCode())
                .query((rs, n) -> new OfferingSettings(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5)))
                .optional();
        jdbc.sql("""
                        INSERT INTO offering (branch_code, service_code, slot_minutes, capacity, active)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (branch_code, service_code)
                        DO UPDATE SET slot_minutes = excluded.slot_minutes, capacity = excluded.capacity,
                            active = excluded.active""")
                .params(o.branchCode(), o.serviceCode(), o.slotMinutes(), o.capacity(), o.active())
                .update();
        return before;
    }

    private Optional<String> lock(String table, String code) {
        return jdbc.sql("SELECT code FROM " + table + " WHERE code = ? FOR UPDATE").param(code).query(String.class)
                .optional();
    }
}
