import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening scenario (issue 17), run by bench/opening.sh: TICKETS applicants take and confirm a ticket
 * of one release across every branch of SERVICE before the opening, half through each node; from the
 * opening instant each polls its status when the waiting room says its turn may have come, and once
 * admitted holds a place of the new day at its branch with its pass. Prints one RESULT line: whether
 * every ticket was answered, the places held, the p99 of the status page and of the admitted requests
 * (the holds), the seconds from the opening to the last admission, and the invariants' violations.
 *
 *   java -cp postgresql.jar bench/Opening.java 'jdbc-url|user|password' http://node1 http://node2 TICKETS SERVICE OPENS_AT_EPOCH_MS
 */
public class Opening {

    private static final ZoneId BRANCH_ZONE = ZoneId.of("Asia/Kuala_Lumpur");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Ticket(int n, String node, String branch, String email, String id, String token) {
    }

    public static void main(String[] args) throws Exception {
        String[] db = args[0].split("\\|", -1);
        List<String> nodes = List.of(args[1], args[2]);
        int count = Integer.parseInt(args[3]);
        String service = args[4];
        long opensAt = Long.parseLong(args[5]);
        List<String> branches = new ArrayList<>();
        int months;
        try (Connection c = DriverManager.getConnection(db[0], db[1], db[2])) {
            ResultSet rs = c.createStatement().executeQuery("SELECT o.branch_code FROM offering o JOIN branch b ON "
                    + "b.code = o.branch_code WHERE o.service_code = '" + service + "' AND o.active AND b.active ORDER BY 1");
            while (rs.next()) {
                branches.add(rs.getString(1));
            }
            rs = c.createStatement().executeQuery("SELECT window_months FROM transaction_type WHERE code = '" + service + "'");
            rs.next();
            months = rs.getInt(1);
        }
        LocalDate day = LocalDate.now(BRANCH_ZONE).plusMonths(months);

        // Before the opening: every applicant joins on one node and confirms on the other.
        List<Ticket> tickets = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        parallel(count, 64, i -> {
            String node = nodes.get(i % 2);
            String branch = branches.get(i % branches.size());
            String email = "open" + i + "@bench.example.my";
            // A passport number has 6 to 20 characters: OPN100000 and on.
            HttpResponse<String> joined = post(node + "/api/v1/waiting-room/tickets", "{\"branch\":\"" + branch
                    + "\",\"service\":\"" + service + "\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"OPN" + (100000 + i)
                    + "\",\"email\":\"" + email + "\"}", null, null);
            if (joined.statusCode() != 201) {
                refused.incrementAndGet();
                return;
            }
            tickets.add(new Ticket(i, nodes.get((i + 1) % 2), branch, email, field(joined.body(), "ticketId"),
                    field(joined.body(), "ticketToken")));
        });
        Map<String, String> codes = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db[0], db[1], db[2])) {
            ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT ON (recipient) recipient, secret FROM "
                    + "outbox_message WHERE kind = 'TICKET_CODE' AND recipient LIKE 'open%@bench.example.my' "
                    + "ORDER BY recipient, id DESC");
            while (rs.next()) {
                codes.put(rs.getString(1), rs.getString(2));
            }
        }
        parallel(tickets.size(), 64, i -> {
            Ticket t = tickets.get(i);
            if (post(t.node() + "/api/v1/waiting-room/tickets/" + t.id() + "/confirm",
                    "{\"code\":\"" + codes.get(t.email()) + "\"}", t.token(), null).statusCode() != 200) {
                refused.incrementAndGet();
            }
        });
        long joinedBy = System.currentTimeMillis();
        if (joinedBy >= opensAt) {
            System.out.println("RESULT tickets=" + tickets.size() + " late_joins=1 (the joins ran past the opening)");
            System.exit(1);
        }
        Thread.sleep(opensAt - joinedBy);

        // From the opening: each ticket asks when its estimate says, and holds once admitted.
        Map<String, List<String>> starts = new HashMap<>();
        for (String branch : branches) {
            String slots = get(nodes.get(0) + "/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + day);
            List<String> found = new ArrayList<>();
            Matcher m = Pattern.compile("\"start\":\"([0-9:]+)\"").matcher(slots);
            while (m.find()) {
                found.add(m.group(1));
            }
            starts.put(branch, found);
        }
        ConcurrentLinkedQueue<Long> statusMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> holdMillis = new ConcurrentLinkedQueue<>();
        AtomicInteger held = new AtomicInteger();
        AtomicInteger lastAdmission = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(tickets.size());
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(64);
        for (Ticket t : tickets) {
            threads.execute(new Runnable() {
                public void run() {
                    try {
                        long started = System.nanoTime();
                        HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(t.node()
                                + "/api/v1/waiting-room/tickets/" + t.id())).header("Ticket-Token", t.token()).GET());
                        statusMillis.add((System.nanoTime() - started) / 1_000_000);
                        String stage = field(status.body(), "stage");
                        if ("WAITING".equals(stage) || "WAITING_FOR_DRAW".equals(stage)) {
                            long wait = Math.min(10, Math.max(1, Long.parseLong(number(status.body(), "estimatedWaitSeconds"))));
                            threads.schedule(this, wait, TimeUnit.SECONDS);
                            return;
                        }
                        if ("ADMITTED".equals(stage)) {
                            lastAdmission.accumulateAndGet((int) ((System.currentTimeMillis() - opensAt) / 1000), Math::max);
                            String pass = field(status.body(), "pass");
                            for (String start : starts.get(t.branch())) {
                                long holdStarted = System.nanoTime();
                                HttpResponse<String> hold = post(t.node() + "/api/v1/holds", "{\"branch\":\"" + t.branch()
                                        + "\",\"service\":\"" + service + "\",\"date\":\"" + day + "\",\"start\":\"" + start
                                        + "\"}", t.token(), pass);
                                holdMillis.add((System.nanoTime() - holdStarted) / 1_000_000);
                                if (hold.statusCode() == 201) {
                                    held.incrementAndGet();
                                    break;
                                }
                                if (!hold.body().contains("SLOT_FULL")) {
                                    break;
                                }
                            }
                        }
                        answered.countDown();
                    } catch (Exception e) {
                        threads.schedule(this, 1, TimeUnit.SECONDS); // asked again, as a browser's reload would
                    }
                }
            });
        }
        boolean all = answered.await(60, TimeUnit.MINUTES);
        threads.shutdownNow();
        int violations;
        try (Connection c = DriverManager.getConnection(db[0], db[1], db[2])) {
            ResultSet rs = c.createStatement().executeQuery("""
                    SELECT (SELECT count(*) FROM slot s WHERE (SELECT count(*) FILTER (WHERE p.taken) > s.capacity
                                OR count(*) <> s.capacity FROM slot_place p WHERE p.slot_id = s.id))
                         + (SELECT count(*) FROM (SELECT hold_id FROM opening_ticket WHERE hold_id IS NOT NULL
                                                  GROUP BY hold_id HAVING count(*) > 1) twice)
                         + abs((SELECT count(*) FROM opening_ticket WHERE hold_id IS NOT NULL) - %d)""".formatted(held.get()));
            rs.next();
            violations = rs.getInt(1) + (all ? 0 : 1) + refused.get();
        }
        System.out.printf("RESULT tickets=%d answered=%d held=%d seconds=%d status_p99_ms=%d admitted_p99_ms=%d violations=%d%n",
                tickets.size(), tickets.size() - answered.getCount(), held.get(), lastAdmission.get(), p99(statusMillis),
                p99(holdMillis), violations);
        System.exit(0);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int count, int threads, Task task) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                task.run(n);
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static HttpResponse<String> post(String url, String json, String token, String pass) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Ticket-Token", token);
        }
        if (pass != null) {
            request.header("Opening-Pass", pass);
        }
        return send(request);
    }

    private static String get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET()).body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([0-9]+)").matcher(json);
        return m.find() ? m.group(1) : "1";
    }

    private static long p99(ConcurrentLinkedQueue<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
