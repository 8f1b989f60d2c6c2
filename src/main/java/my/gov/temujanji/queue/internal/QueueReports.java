package my.gov.temujanji.queue.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Waiting and service times of a branch's numbers over some days, by transaction type, by counter and
 * by hour of arrival (branch time). The wait runs from arrival to the first call; the service time is
 * what the officer's "served" recorded.
 */
@Repository
@RequiredArgsConstructor
class QueueReports {

    enum By { SERVICE, COUNTER, HOUR }

    /** One group; the minutes are null when no number of the group got that far. */
    record Row(By by, String key, int numbers, int served, int absent, Double meanWaitMinutes,
            Double longestWaitMinutes, Double meanServiceMinutes) {
    }

    private final JdbcClient jdbc;

    /** {@code from} and {@code to} inclusive. */
    List<Row> of(String branchCode, LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        rows.addAll(group(By.SERVICE, "service_code", branchCode, from, to));
        rows.addAll(group(By.COUNTER, "counter_number::text", branchCode, from, to));
        rows.addAll(group(By.HOUR, "to_char(arrived_at AT TIME ZONE 'Asia/Kuala_Lumpur', 'HH24') || ':00'",
                branchCode, from, to));
        return rows;
    }

    private List<Row> group(By by, String key, String branchCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + key + " AS k, " + """
                       count(*) AS numbers,
                       count(*) FILTER (WHERE status = 'SERVED') AS served,
                       count(*) FILTER (WHERE status = 'ABSENT') AS absent,
                       round((avg(extract(epoch FROM first_called_at - arrived_at)) / 60)::numeric, 1)::float8 AS mean_wait,
                       round((max(extract(epoch FROM first_called_at - arrived_at)) / 60)::numeric, 1)::float8 AS longest_wait,
                       round((avg(service_seconds) / 60)::numeric, 1)::float8 AS mean_service
                FROM queue_ticket
                WHERE branch_code = ? AND day BETWEEN ? AND ?
                """ + (by == By.COUNTER ? "AND counter_number IS NOT NULL " : "") + "GROUP BY 1 ORDER BY 1")
                .params(branchCode, from, to)
                .query((rs, n) -> new Row(by, rs.getString("k"), rs.getInt("numbers"), rs.getInt("served"),
                        rs.getInt("absent"), rs.getObject("mean_wait", Double.class),
                        rs.getObject("longest_wait", Double.class), rs.getObject("mean_service", Double.class)))
                .list();
    }
}
