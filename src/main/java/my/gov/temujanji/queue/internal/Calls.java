package my.gov.temujanji.queue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an officer does at a counter, each one statement deciding in PostgreSQL and one audit entry in
 * its transaction. Call-next locks the desk (one open number per desk), then takes the first waiting
 * number in calling order that no concurrent call holds ({@code FOR UPDATE SKIP LOCKED}): two officers
 * pressing at once get two different numbers, on any node.
 */
@Service
@RequiredArgsConstructor
class Calls {

    /** Who acts: the officer signed in at this desk of this branch. */
    record At(String branchCode, int counter, String officer) {
    }

    private final JdbcClient jdbc;
    private final Counters counters;
    private final Tickets tickets;
    private final QueueSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    /** Calls the next waiting number this desk serves; 409 QUEUE_COUNTER_BUSY while one is open, QUEUE_EMPTY. */
    @RetryOnConflict
    @Transactional
    Ticket callNext(At at) {
        Counters.Desk desk = signedInDesk(at);
        requireNoOpenNumber(at);
        Ticket called = jdbc.sql("""
                UPDATE queue_ticket SET status = 'CALLED', counter_number = :counter, calls = 1, for_counter = NULL,
                       first_called_at = COALESCE(first_called_at, :now), called_at = :now, called_by = :officer
                WHERE id = (SELECT id FROM queue_ticket
                            WHERE branch_code = :branch AND day = :day AND status = 'WAITING'
                              AND ((for_counter IS NULL AND service_code = ANY(:services)) OR for_counter = :counter)
                            ORDER BY\s""" + Tickets.CALLING_ORDER + """
                            \sLIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + Tickets.COLUMNS)
                .param("counter", at.counter()).param("now", now()).param("officer", at.officer())
                .param("branch", at.branchCode()).param("day", today())
                .param("services", desk.serviceCodes().toArray(String[]::new))
                .query(Tickets.ROW).optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "QUEUE_EMPTY"));
        record(at, "QUEUE_CALL", called, "WAITING");
        return called;
    }

    /**
     * What an officer does with the number open (or parked) at their desk: its audit action, the status
     * the number must have, and the update.
     */
    @RequiredArgsConstructor
    enum Move {
        /** Calls the open number again (it shows on the display again). */
        RECALL("QUEUE_RECALL", "CALLED", "calls = calls + 1, called_at = :now"),
        /** The open number was served: its service time runs from its last call to now. */
        SERVED("QUEUE_SERVED", "CALLED", "status = 'SERVED', finished_at = :now, "
                + "service_seconds = GREATEST(0, floor(extract(epoch FROM CAST(:now AS timestamptz) - called_at)))::integer"),
        /** Absent after the branch's number of calls: recorded, and the desk is free for the next. */
        ABSENT("QUEUE_ABSENT", "CALLED", "status = 'ABSENT', finished_at = :now"),
        /** Sets the open number aside at this desk (the applicant fetches a document, say). */
        PARK("QUEUE_PARK", "CALLED", "status = 'PARKED'"),
        /** Calls a number this desk parked, if no other is open here. */
        RESUME("QUEUE_RESUME", "PARKED", "status = 'CALLED', calls = calls + 1, called_at = :now, called_by = :officer");

        private final String action;
        private final String from;
        private final String set;
    }

    /** One move, after its own check: absent needs the branch's number of calls, resume a desk with no open number. */
    @RetryOnConflict
    @Transactional
    Ticket move(At at, long id, Move move) {
        signedInDesk(at);
        if (move == Move.ABSENT) {
            int needed = settings.rules(at.branchCode()).absentAfterCalls();
            if (openHere(at, id).calls() < needed) {
                throw new ApiProblem(HttpStatus.CONFLICT, "QUEUE_TOO_FEW_CALLS", needed);
            }
        } else if (move == Move.RESUME) {
            requireNoOpenNumber(at);
        }
        return change(at, id, move.action, move.from, move.set);
    }

    /**
     * Back to waiting, for another type or for one desk, keeping its place by arrival (and its number).
     * Exactly one of {@code serviceCode} and {@code counter} is given, already checked to exist.
     */
    @RetryOnConflict
    @Transactional
    Ticket transfer(At at, long id, String serviceCode, Integer counter) {
        signedInDesk(at);
        String set = "status = 'WAITING', counter_number = NULL, "
                + (serviceCode != null ? "service_code = :service, for_counter = NULL" : "for_counter = :target");
        return change(at, id, "QUEUE_TRANSFER", "CALLED", set, serviceCode, counter);
    }

    private Ticket change(At at, long id, String action, String from, String set) {
        return change(at, id, action, from, set, null, null);
    }

    /** One conditional update of a number open (or parked) at this desk; 409 QUEUE_TICKET_CHANGED when it is not. */
    private Ticket change(At at, long id, String action, String from, String set, String service, Integer target) {
        Ticket ticket = jdbc.sql("UPDATE queue_ticket SET " + set
                + " WHERE id = :id AND branch_code = :branch AND day = :day AND status = :from"
                + " AND counter_number = :counter RETURNING " + Tickets.COLUMNS)
                .param("id", id).param("branch", at.branchCode()).param("day", today()).param("from", from)
                .param("counter", at.counter()).param("now", now()).param("officer", at.officer())
                .param("service", service).param("target", target)
                .query(Tickets.ROW).optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "QUEUE_TICKET_CHANGED"));
        record(at, action, ticket, from);
        return ticket;
    }

    private Ticket openHere(At at, long id) {
        return tickets.byId(at.branchCode(), id)
                .filter(t -> t.status() == TicketStatus.CALLED && Integer.valueOf(at.counter()).equals(t.counterNumber()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "QUEUE_TICKET_CHANGED"));
    }

    /** Locks the desk: its officer's actions queue behind each other, the other desks' do not. */
    private Counters.Desk signedInDesk(At at) {
        Counters.Desk desk = counters.lock(at.branchCode(), at.counter())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "QUEUE_COUNTER_NOT_FOUND"));
        if (!at.officer().equals(desk.officer())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "QUEUE_NOT_SIGNED_IN");
        }
        return desk;
    }

    private void requireNoOpenNumber(At at) {
        Optional<Integer> open = jdbc.sql("""
                SELECT number FROM queue_ticket
                WHERE branch_code = ? AND day = ? AND counter_number = ? AND status = 'CALLED'""")
                .params(at.branchCode(), today(), at.counter()).query(Integer.class).optional();
        if (open.isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "QUEUE_COUNTER_BUSY");
        }
    }

    private void record(At at, String action, Ticket after, String before) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", after.status().name());
        state.put("service", after.serviceCode());
        state.put("counter", after.counterNumber());
        state.put("forCounter", after.forCounter());
        state.put("calls", after.calls());
        if (after.serviceSeconds() != null) {
            state.put("serviceSeconds", after.serviceSeconds());
        }
        audit.recordAs(at.officer(), action, "queue_ticket", after.display(), at.branchCode(),
                Map.of("status", before), state);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
