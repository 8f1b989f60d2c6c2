package my.gov.temujanji.audit;

import java.time.Instant;

/**
 * One line of the audit log: who did what to which thing, when, at which branch, and the thing
 * before and after (JSON text, null where there is none).
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
        String branchCode, String before, String after) {
}
