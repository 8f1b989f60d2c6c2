package my.gov.temujanji.queue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads a branch's display state for today from PostgreSQL, so every node shows the same. */
@Service
@RequiredArgsConstructor
class DisplayStates {

    /** How many earlier calls the display keeps showing. */
    static final int RECENT = 6;

    private static final RowMapper<DisplayState.Call> CALL = (rs, n) -> new DisplayState.Call(rs.getLong("id"),
            QueueNumber.format(rs.getString("prefix"), rs.getInt("number")), rs.getInt("counter_number"),
            rs.getInt("calls"), rs.getTimestamp("called_at").toInstant());

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final QueueSettings settings;
    private final Clock clock;

    DisplayState of(String branchCode) {
        LocalDate today = LocalDate.now(clock);
        String calls = "SELECT id, prefix, number, counter_number, calls, called_at FROM queue_ticket "
                + "WHERE branch_code = ? AND day = ? AND called_at IS NOT NULL AND counter_number IS NOT NULL AND ";
        List<DisplayState.Call> calling = jdbc.sql(calls + "status = 'CALLED' ORDER BY called_at DESC, id")
                .params(branchCode, today).query(CALL).list();
        List<DisplayState.Call> recent = jdbc.sql(calls + "status <> 'CALLED' ORDER BY called_at DESC, id LIMIT ?")
                .params(branchCode, today, RECENT).query(CALL).list();
        Map<String, Integer> waiting = jdbc.sql("""
                SELECT service_code, count(*) FROM queue_ticket
                WHERE branch_code = ? AND day = ? AND status = 'WAITING' GROUP BY service_code""")
                .params(branchCode, today).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<DisplayState.Waiting> perType = catalogue.offeringsAt(branchCode).stream()
                .filter(o -> o.active() || waiting.containsKey(o.type().code()))
                .map(o -> new DisplayState.Waiting(o.type().code(), settings.prefix(o.type().code()), o.type().name(),
                        waiting.getOrDefault(o.type().code(), 0)))
                .toList();
        return new DisplayState(branchCode, calling, recent, perType);
    }
}
