package my.gov.temujanji.fairaccess;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffMember;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks (sekatan): a document or an e-mail address that may not book. Two kinds, decided by one
 * query in the booking transaction, so every node sees the same answer at once:
 * <ul>
 * <li>a staff block, a row placed and lifted on the back office's blocks page, until the end of its
 * last day;</li>
 * <li>the automatic block of a document (see {@link BlockingProperties}), computed from its missed
 * appointments rather than stored: always current, no job to run or miss, and a no-show corrected
 * at the counter corrects the block too.</li>
 * </ul>
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Blocks {

    /** The subject of a block: a document (type and normalised number) or a lower-case address. */
    public enum Subject {
        DOCUMENT, EMAIL
    }

    /**
     * What stops a booking: the subject that is blocked, the reason, and the last day of the block.
     * {@code automatic} when it is computed from missed appointments.
     */
    public record ActiveBlock(Subject subject, BlockReason reason, LocalDate lastDay, boolean automatic) {
    }

    /**
     * A staff block as the back office lists it; {@code branchCodes} are the placer's branches (none
     * for a system administrator), whose administrators may lift it.
     */
    public record StaffBlock(long id, String documentType, String documentNumber, String email, BlockReason reason,
            String note, LocalDate lastDay, Instant createdAt, String createdBy, Instant liftedAt, String liftedBy,
            Set<String> branchCodes) {

        public boolean activeOn(LocalDate day) {
            return liftedAt == null && !lastDay.isBefore(day);
        }

        /** A system administrator lifts any block; a branch administrator those their own branches placed. */
        public boolean liftableBy(StaffMember member) {
            return member.is(Role.SYSTEM_ADMIN)
                    || member.is(Role.BRANCH_ADMIN) && branchCodes.stream().anyMatch(member.branches()::contains);
        }
    }

    /** A new staff block, already checked: exactly one of the document and the address. */
    public record NewBlock(String documentType, String documentNumber, String email, BlockReason reason, String note,
            LocalDate lastDay) {
    }

    private static final String COLUMNS = """
            id, document_type, document_number, email, reason, note, ends_on, created_at, created_by, lifted_at,
            lifted_by, branch_codes""";

    private static final RowMapper<StaffBlock> STAFF_BLOCK = (rs, n) -> new StaffBlock(rs.getLong("id"),
            rs.getString("document_type"), rs.getString("document_number"), rs.getString("email"),
            BlockReason.valueOf(rs.getString("reason")), rs.getString("note"), rs.getObject("ends_on", LocalDate.class),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            Optional.ofNullable(rs.getTimestamp("lifted_at")).map(Timestamp::toInstant).orElse(null),
            rs.getString("lifted_by"), Set.of((String[]) rs.getArray("branch_codes").getArray()));

    private final JdbcClient jdbc;
    private final BlockingProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * Refuses a blocked applicant with 403 {@code APPLICANT_BLOCKED}: its arguments are the reason's
     * text, the last day of the block and which subject is blocked (0 the document, 1 the address).
     * Only for one who has shown to own an appointment (its reference and document number), as a move
     * does; a new booking is refused with {@link #refuseNewBooking}.
     * One statement; inside the booking transaction it sees what that transaction may book on.
     */
    public void refuseBlocked(String documentType, String documentNumber, String email) {
        refusalOf(documentType, documentNumber, email).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /**
     * Refuses a new booking of a blocked applicant with 403 {@code BOOKING_REFUSED}, which says nothing
     * of the block: whoever types a document number or an address may not be its owner, and must not
     * learn whether it is blocked, why or until when. One statement, as {@link #refuseBlocked}.
     */
    public void refuseNewBooking(String documentType, String documentNumber, String email) {
        if (find(documentType, documentNumber, email).isPresent()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "BOOKING_REFUSED");
        }
    }

    /** The refusal {@link #refuseBlocked} would throw, for a page that shows it instead of starting a change. */
    public Optional<ApiProblem> refusalOf(String documentType, String documentNumber, String email) {
        return find(documentType, documentNumber, email).map(this::refusal);
    }

    /** The block that ends last among those on the document and the address, if any. */
    public Optional<ActiveBlock> find(String documentType, String documentNumber, String email) {
        LocalDate today = LocalDate.now(clock);
        int missed = properties.missedAppointments();
        // The K-th missed appointment within the window blocks from its day for the period; only the
        // days that can still matter are read (the partial index on missed statuses finds them).
        return jdbc.sql("""
                WITH missed AS (
                    SELECT day, lag(day, :k - 1) OVER (ORDER BY day, start_time) AS kth_back
                    FROM appointment
                    WHERE document_type = :type AND document_number = :number
                      AND status IN ('NO_SHOW', 'LATE', 'CANCELLED') AND day >= :since
                      AND (status <> 'CANCELLED' OR (cancelled_by_staff IS NULL
                           AND cancelled_at > ((day + start_time) AT TIME ZONE :zone) - :lateMinutes * interval '1 minute')))
                SELECT 'DOCUMENT' AS subject, 'MISSED_APPOINTMENTS' AS reason, max(day) + :period AS last_day,
                       true AS automatic
                FROM missed WHERE :automatic AND kth_back > day - :window
                HAVING max(day) + :period >= :today
                UNION ALL
                SELECT CASE WHEN email IS NULL THEN 'DOCUMENT' ELSE 'EMAIL' END, reason, ends_on, false
                FROM applicant_block
                WHERE lifted_at IS NULL AND ends_on >= :today
                  AND ((document_type = :type AND document_number = :number) OR email = lower(:email))
                ORDER BY last_day DESC, automatic LIMIT 1""")
                .param("k", Math.max(missed, 1))
                .param("automatic", missed > 0)
                .param("type", documentType)
                .param("number", documentNumber)
                .param("email", email)
                .param("since", today.minusDays((long) properties.window() + properties.period()))
                .param("zone", clock.getZone().getId())
                .param("lateMinutes", properties.lateCancellation().toMinutes())
                .param("period", properties.period())
                .param("window", properties.window())
                .param("today", today)
                .query((rs, n) -> new ActiveBlock(Subject.valueOf(rs.getString("subject")),
                        BlockReason.valueOf(rs.getString("reason")), rs.getObject("last_day", LocalDate.class),
                        rs.getBoolean("automatic")))
                .optional();
    }

    private ApiProblem refusal(ActiveBlock block) {
        MessageSourceResolvable reason = block.automatic()
                ? new DefaultMessageSourceResolvable(new String[] {"block.reason.automatic"},
                        new Object[] {properties.missedAppointments(), properties.window()})
                : block.reason().text();
        // A java.util.Date so that the message formats the day in the reader's language ({1,date,long});
        // made and formatted in the JVM's zone, it stays the same calendar day.
        Date lastDay = Date.from(block.lastDay().atStartOfDay(ZoneId.systemDefault()).toInstant());
        return new ApiProblem(HttpStatus.FORBIDDEN, "APPLICANT_BLOCKED", reason, lastDay,
                block.subject() == Subject.DOCUMENT ? 0 : 1);
    }

    /** Staff blocks, newest first: the ones still in force, then up to {@code limit} past ones. */
    public List<StaffBlock> staffBlocks(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM applicant_block
                ORDER BY (lifted_at IS NULL AND ends_on >= :today) DESC, created_at DESC, id DESC
                LIMIT :limit""")
                .param("today", LocalDate.now(clock))
                .param("limit", limit)
                .query(STAFF_BLOCK)
                .list();
    }

    /** Places a staff block, audited (BLOCK_PLACED); it keeps the placer's branches (see {@link StaffBlock}). */
    @Transactional
    public long place(NewBlock block, StaffMember placer) {
        Instant now = clock.instant();
        String email = block.email() == null ? null : block.email().toLowerCase(Locale.ROOT);
        long id = jdbc.sql("""
                INSERT INTO applicant_block (document_type, document_number, email, reason, note, ends_on, created_at,
                    created_by, branch_codes)
                VALUES (:type, :number, :email, :reason, :note, :endsOn, :now, :by, :branches)
                RETURNING id""")
                .param("type", block.documentType())
                .param("number", block.documentNumber())
                .param("email", email)
                .param("reason", block.reason().name())
                .param("note", block.note())
                .param("endsOn", block.lastDay())
                .param("now", Timestamp.from(now))
                .param("by", placer.username())
                .param("branches", placer.is(Role.SYSTEM_ADMIN) ? new String[0]
                        : placer.branches().toArray(String[]::new))
                .query(Long.class).single();
        audit.record("BLOCK_PLACED", "applicant_block", String.valueOf(id), null, null, auditView(staffBlock(id)));
        return id;
    }

    /**
     * Lifts a staff block before its end, audited (BLOCK_LIFTED). 404 {@code BLOCK_NOT_FOUND}; 403
     * {@code BLOCK_NOT_YOURS} for a branch administrator whose branches did not place it; 409
     * {@code BLOCK_NOT_ACTIVE} when it was lifted already or has ended.
     */
    @Transactional
    public void lift(long id, StaffMember member) {
        StaffBlock before = jdbc.sql("SELECT id FROM applicant_block WHERE id = :id FOR UPDATE").param("id", id)
                .query(Long.class).optional().map(this::staffBlock)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "BLOCK_NOT_FOUND"));
        if (!before.liftableBy(member)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "BLOCK_NOT_YOURS");
        }
        if (!before.activeOn(LocalDate.now(clock))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "BLOCK_NOT_ACTIVE");
        }
        jdbc.sql("UPDATE applicant_block SET lifted_at = :now, lifted_by = :by WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("by", member.username()).param("id", id).update();
        audit.record("BLOCK_LIFTED", "applicant_block", String.valueOf(id), null, auditView(before),
                auditView(staffBlock(id)));
    }

    private StaffBlock staffBlock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM applicant_block WHERE id = :id")
                .param("id", id)
                .query(STAFF_BLOCK)
                .single();
    }

    private static Map<String, Object> auditView(StaffBlock block) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("documentType", block.documentType());
        view.put("documentNumber", block.documentNumber());
        view.put("email", block.email());
        view.put("reason", block.reason().name());
        view.put("note", block.note());
        view.put("lastDay", block.lastDay().toString());
        view.put("liftedAt", block.liftedAt() == null ? null : block.liftedAt().toString());
        view.put("liftedBy", block.liftedBy());
        return view;
    }
}
