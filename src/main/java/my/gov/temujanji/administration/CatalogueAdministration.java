package my.gov.temujanji.administration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
class CatalogueAdministration {

    private final CatalogueChanges changes;
    private final OpeningHours hours;
    private final AuditLog audit;

    /** A department created ({@code isNew}) or changed. */
    @RetryOnConflict
    @Transactional
    boolean save(Department d, boolean isNew) {
        return isNew ? created(changes.create(d), "CATALOGUE_DEPARTMENT_CREATE", "department", d.code(), d)
                : updated(changes.update(d), "CATALOGUE_DEPARTMENT_UPDATE", "department", d.code(), null, d);
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
        return updated(changes.update(b), "CATALOGUE_BRANCH_UPDATE", "branch", b.code(), b.code(), b);
    }

    /** A transaction type created ({@code isNew}) or changed. */
    @RetryOnConflict
    @Transactional
    boolean save(TransactionType t, boolean isNew) {
        return isNew ? created(changes.create(t), "CATALOGUE_TYPE_CREATE", "transaction_type", t.code(), t)
                : updated(changes.update(t), "CATALOGUE_TYPE_UPDATE", "transaction_type", t.code(), null, t);
    }

    /** Audits a creation, within the caller's transaction, when there was one. */
    private boolean created(boolean created, String action, String subjectType, String code, Object after) {
        if (created) {
            audit.record(action, subjectType, code, null, null, after);
        }
        return created;
    }

    /** Audits a change with what it replaced, within the caller's transaction, when there was one. */
    private boolean updated(Optional<?> before, String action, String subjectType, String code, String branch,
            Object after) {
        before.ifPresent(b -> audit.record(action, subjectType, code, branch, b, after));
        return before.isPresent();
    }
}
