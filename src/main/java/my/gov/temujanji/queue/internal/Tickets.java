package my.gov.temujanji.queue.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queue numbers in PostgreSQL: issuing them (the day's sequence and the walk-in cap) and reading them. */
@Repository
@RequiredArgsConstructor
class Tickets {

    static final String COLUMNS = """
            id, token, branch_code, service_code, day, prefix, number, appointment_reference, priority, arrived_at,
            status, for_counter, counter_number, calls, first_called_at, called_at, finished_at, service_seconds""";
    /** The calling order of waiting numbers, also used to count who is ahead. */
    static final String CALLING_ORDER = "(priority IS NULL), order_at, id";

    static final RowMapper<Ticket> ROW = Tickets::map;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a new number is for. {@code walkInCap} is the type's daily cap for a walk-in, null for an appointment. */
    record Request(String branchCode, String serviceCode, LocalDate day, String appointmentReference,
            Priority priority, Instant arrivedAt, Duration aheadBy, Integer walkInCap) {
    }

    private final JdbcClient jdbc;
    private final QueueSettings settings;

    /**
     * The next number of the branch's day for the type, decided by one conditional upsert on the day's
     * counter row (which queues concurrent issuers of the same type behind each other); empty when the
     * walk-in cap is reached or the day's numbers have run out.
     */
    Optional<Ticket> issue(Request request) {
        boolean walkIn = request.walkInCap() != null;
        Optional<Integer> number = jdbc.sql("""
                INSERT INTO queue_day_counter AS c (branch_code, service_code, day, last_number, walk_ins)
                VALUES (:branch, :service, :day, 1, :walkIns)
                ON CONFLICT (branch_code, service_code, day) DO UPDATE
                SET last_number = c.last_number + 1, walk_ins = c.walk_ins + EXCLUDED.walk_ins
                WHERE c.last_number < :last AND (EXCLUDED.walk_ins = 0 OR c.walk_ins < :cap)
                RETURNING last_number""")
                .param("branch", request.branchCode()).param("service", request.serviceCode())
                .param("day", request.day()).param("walkIns", walkIn ? 1 : 0).param("last", QueueNumber.LAST)
                .param("cap", walkIn ? request.walkInCap() : 0)
                .query(Integer.class).optional();
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Instant orderAt = request.arrivedAt().minus(request.aheadBy());
        return Optional.of(jdbc.sql("""
                INSERT INTO queue_ticket (token, branch_code, service_code, day, prefix, number, appointment_reference,
                                          priority, arrived_at, order_at, status)
                VALUES (:token, :branch, :service, :day, :prefix, :number, :reference, :priority, :arrived, :orderAt,
                        'WAITING')
                RETURNING\s""" + COLUMNS)
                .param("token", newToken()).param("branch", request.branchCode())
                .param("service", request.serviceCode()).param("day", request.day())
                .param("prefix", settings.prefix(request.serviceCode())).param("number", number.get())
                .param("reference", request.appointmentReference())
                .param("priority", request.priority() == null ? null : request.priority().name())
                .param("arrived", Timestamp.from(request.arrivedAt())).param("orderAt", Timestamp.from(orderAt))
                .query(ROW).single());
    }

    Optional<Ticket> byToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_ticket WHERE token = ?").param(token).query(ROW).optional();
    }

    Optional<Ticket> byId(String branchCode, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_ticket WHERE id = ? AND branch_code = ?")
                .params(id, branchCode).query(ROW).optional();
    }

    Optional<Ticket> ofAppointment(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_ticket WHERE appointment_reference = ?").param(reference)
                .query(ROW).optional();
    }

    /** The day's numbers of a branch in one status, in calling order (for waiting ones) or number order. */
    List<Ticket> ofDay(String branchCode, LocalDate day, TicketStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_ticket WHERE branch_code = ? AND day = ? AND status = ? "
                + "ORDER BY " + CALLING_ORDER).params(branchCode, day, status.name()).query(ROW).list();
    }

    /** How many waiting numbers of the same type a counter would call before this one. */
    int ahead(Ticket ticket) {
        return jdbc.sql("""
                SELECT count(*) FROM queue_ticket w, queue_ticket t
                WHERE t.id = ? AND w.branch_code = t.branch_code AND w.day = t.day AND w.status = 'WAITING'
                  AND w.service_code = t.service_code AND w.id <> t.id
                  AND ((w.priority IS NULL), w.order_at, w.id) < ((t.priority IS NULL), t.order_at, t.id)""")
                .param(ticket.id()).query(Integer.class).single();
    }

    /** The mean service time of the type's numbers served at the branch that day; empty before the first. */
    Optional<Duration> meanServiceTime(String branchCode, String serviceCode, LocalDate day) {
        return jdbc.sql("""
                SELECT avg(service_seconds) FROM queue_ticket
                WHERE branch_code = ? AND service_code = ? AND day = ? AND status = 'SERVED'""")
                .params(branchCode, serviceCode, day).query(Double.class).optional()
                .map(seconds -> Duration.ofSeconds(Math.round(seconds)));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("token"), rs.getString("branch_code"),
                rs.getString("service_code"), rs.getObject("day", LocalDate.class), rs.getString("prefix"),
                rs.getInt("number"), rs.getString("appointment_reference"), Priority.parse(rs.getString("priority")),
                instant(rs, "arrived_at"), TicketStatus.valueOf(rs.getString("status")),
                rs.getObject("for_counter", Integer.class), rs.getObject("counter_number", Integer.class),
                rs.getInt("calls"), instant(rs, "first_called_at"), instant(rs, "called_at"),
                instant(rs, "finished_at"), rs.getObject("service_seconds", Integer.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
