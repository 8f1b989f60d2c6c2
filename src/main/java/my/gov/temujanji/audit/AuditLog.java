package my.gov.temujanji.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of staff actions (append-only: the database refuses to change or delete an entry).
 *
 * <p>Call {@link #record} inside the transaction of the change it records: it refuses to run without
 * one ({@link Propagation#MANDATORY}), so an entry is never written for a change that rolled back, and a
 * change never commits without its entry. Action codes are upper-case words ({@code COUNTER_CHECK_IN});
 * subjects are a type and an id ({@code "appointment", "ABCDE-FGH23"}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    /**
     * Records an action of the signed-in staff member.
     *
     * @param before the thing before the change, written as JSON (a record or map); null for none
     * @param after  the thing after the change; null for none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subjectType, String subjectId, String branchCode, Object before,
            Object after) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who.getName() == null) {
            throw new IllegalStateException("No signed-in staff member to record " + action + " for");
        }
        recordAs(who.getName(), action, subjectType, subjectId, branchCode, before, after);
    }

    /** Records an action whose actor is not (yet) signed in: a login attempt names the username typed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String subjectType, String subjectId, String branchCode,
            Object before, Object after) {
        jdbc.sql("""
                INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, branch_code, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(Timestamp.from(clock.instant()), Objects.requireNonNull(actor), action, subjectType, subjectId,
                        branchCode, toJson(before), toJson(after))
                .update();
    }

    /** What the viewer asks for; null or blank fields do not filter. {@code to} is exclusive. */
    public record Filter(String actor, String action, Instant from, Instant to) {
    }

    /** A page of entries, newest first; {@code more} says whether an older page exists. */
    public record Page(List<AuditEntry> entries, int number, boolean more) {
    }

    /** Newest first, {@value #PAGE_SIZE} a page; {@code page} counts from 0. */
    @Transactional(readOnly = true)
    public Page search(Filter filter, int page) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor = ?");
            params.add(filter.actor().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(filter.action().strip());
        }
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        params.add(PAGE_SIZE + 1);
        params.add((long) Math.max(page, 0) * PAGE_SIZE);
        List<AuditEntry> found = jdbc.sql("""
                SELECT id, at, actor, action, subject_type, subject_id, branch_code, before::text, after::text
                FROM audit_entry WHERE %s ORDER BY at DESC, id DESC LIMIT ? OFFSET ?""".formatted(where))
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
        boolean more = found.size() > PAGE_SIZE;
        return new Page(more ? found.subList(0, PAGE_SIZE) : found, Math.max(page, 0), more);
    }

    /** The action codes written so far, for the viewer's filter. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
