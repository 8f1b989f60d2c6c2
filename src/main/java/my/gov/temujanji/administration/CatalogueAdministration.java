package my.gov.temujanji.administration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.CatalogueChanges;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.schedule.OpeningHours;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each change and its audit entry, in one transaction. Answers false or empty when nothing was changed. */
@Service
class CatalogueAdministration {

    private final CatalogueChanges changes;
    private final OpeningHours hours;
    private final AuditLog audit;

    CatalogueAdministration(CatalogueChanges changes, OpeningHours hours, AuditLog audit) {
        this.changes = changes;
        this.hours = hours;
        this.audit = audit;
    }

    @RetryOnConflict
    @Transactional
    boolean create(Department d) {
        boolean created = changes.create(d);
        if (created) {
            audit.record("CATALOGUE_DEPARTMENT_CREATE", "department", d.code(), null, null, d);
        }
        return created;
    }

    @RetryOnConflict
    @Transactional
    boolean update(Department d) {
        Optional<Department> before = changes.update(d);
        before.ifPresent(b -> audit.record("CATALOGUE_DEPARTMENT_UPDATE", "department", d.code(), null, b, d));
        return before.isPresent();
    }

    /** A new branch, with the weekly counter hours of {@code hoursFrom} to begin with. */
    @RetryOnConflict
    @Transactional
    boolean create(Branch b, String hoursFrom) {
        if (!changes.create(b)) {
            return false;
        }
        hours.copy(hoursFrom, b.code());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("branch", b);
        after.put("hoursCopiedFrom", hoursFrom);
        audit.record("CATALOGUE_BRANCH_CREATE", "branch", b.code(), b.code(), null, after);
        return true;
    }

    @RetryOnConflict
    @Transactional
    boolean update(Branch b) {
        Optional<Branch> before = changes.update(b);
        before.ifPresent(x -> audit.record("CATALOGUE_BRANCH_UPDATE", "branch", b.code(), b.code(), x, b));
        return before.isPresent();
    }

    @RetryOnConflict
    @Transactional
    boolean create(TransactionType t) {
        boolean created = changes.create(t);
        if (created) {
            audit.record("CATALOGUE_TYPE_CREATE", "transaction_type", t.code(), null, null, t);
        }
        return created;
    }

    @RetryOnConflict
    @Transactional
    boolean update(TransactionType t) {
        Optional<TransactionType> before = changes.update(t);
        before.ifPresent(x -> audit.record("CATALOGUE_TYPE_UPDATE", "transaction_type", t.code(), null, x, t));
        return before.isPresent();
    }
}
