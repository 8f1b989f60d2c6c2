package my.gov.temujanji.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the request threads of this JVM send to PostgreSQL while {@link #during} runs, read from the
 * JDBC driver's own protocol log: each {@code Sync} is one round trip (the driver sends a statement,
 * with a {@code BEGIN} before the first of a transaction, and waits for its answer), each
 * {@code Execute} one statement, each {@code BEGIN} one transaction; and from the pool's metrics, how
 * many times a connection was taken. A connection check of the pool (an empty query) is counted apart.
 */
public final class SqlTrace {

    /** The counts of one traced piece of work; {@code statements} without BEGIN and COMMIT. */
    public record Cost(int roundTrips, int statements, int transactions, int connectionChecks, long checkouts,
            List<String> sql) {

        /** Round trips, statements, transactions and connections taken: what a test asserts. */
        public List<Integer> counts() {
            return List.of(roundTrips, statements, transactions, (int) checkouts);
        }

        @Override
        public String toString() {
            return roundTrips + " round trips, " + statements + " statements, " + transactions + " transactions, "
                    + checkouts + " connections taken (" + connectionChecks + " connection checks)";
        }
    }

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3");

    private SqlTrace() {
    }

    /** Runs {@code work} and answers its result with what it cost; only one traced piece at a time. */
    public static synchronized <T> Traced<T> during(MeterRegistry meters, Supplier<T> work) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // Only the request threads: the test's own queries and the pool's housekeeping are not the request's.
                if (Thread.currentThread().getName().startsWith("http-nio-")) {
                    String message = record.getMessage();
                    Object[] parameters = record.getParameters();
                    lines.add(parameters == null ? message : java.text.MessageFormat.format(message, parameters));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = DRIVER.getLevel();
        long checkoutsBefore = checkouts(meters);
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(handler);
        T result;
        try {
            result = work.get();
        } finally {
            DRIVER.removeHandler(handler);
            DRIVER.setLevel(level);
        }
        return new Traced<>(result, cost(new ArrayList<>(lines), checkouts(meters) - checkoutsBefore));
    }

    /** A result and its cost. */
    public record Traced<T>(T result, Cost cost) {
    }

    private static Cost cost(List<String> lines, long checkouts) {
        int syncs = 0;
        int statements = 0;
        int begins = 0;
        int checks = 0;
        List<String> sql = new ArrayList<>();
        boolean transactionCommand = false;
        boolean parsed = false;
        boolean emptyQuery = false;
        for (String line : lines) {
            String l = line.trim();
            if (l.startsWith("simple execute, handler=")) {
                // The driver's COMMIT and ROLLBACK go through its transaction command handler.
                transactionCommand = l.contains("TransactionCommandHandler");
                parsed = false;
            } else if (l.equals("FE=> SimpleQuery(query=\"BEGIN\")")) {
                begins++; // sent with the transaction's first statement, before its Sync: no round trip of its own
            } else if (l.startsWith("FE=> Parse(")) {
                parsed = true;
                String query = l.replaceFirst("(?s)^FE=> Parse\\(stmt=[^,]*,query=\"", "").replaceFirst("(?s)\",oids=.*$", "");
                emptyQuery = query.isEmpty();
                if (!emptyQuery) {
                    sql.add(query.replaceAll("\\s+", " "));
                }
            } else if (l.startsWith("FE=> Bind(stmt=S_") && !parsed) {
                sql.add(transactionCommand ? "COMMIT or ROLLBACK" : "(a statement prepared earlier on this connection)");
            } else if (l.startsWith("FE=> Execute(") && !transactionCommand && !emptyQuery) {
                statements++;
            } else if (l.equals("FE=> Sync")) {
                if (emptyQuery) {
                    checks++;
                } else {
                    syncs++;
                }
                emptyQuery = false;
            }
        }
        return new Cost(syncs, statements, begins, checks, checkouts, sql);
    }

    private static long checkouts(MeterRegistry meters) {
        return meters.find("hikaricp.connections.usage").timers().stream().mapToLong(Timer::count).sum();
    }
}
