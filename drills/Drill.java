import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drills' own tools, run by drills/run (java drills/Drill.java COMMAND ...): an SMTP server whose
 * behaviour the drill switches (normal, slow, hang, refuse), a booking load that retries the way an
 * idempotent client does, slow-body clients, a readiness probe, a latency load, and the checks of
 * what the database and the SMTP server hold afterwards. Prints one RESULT line per measurement.
 */
public class Drill {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "smtp" -> smtp(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "places" -> places(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "book" -> book(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]), List.of(args).subList(7, args.length));
            case "probe" -> probe(args[1], Path.of(args[2]), Path.of(args[3]));
            case "latency" -> latency(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "trickle" -> trickle(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "check" -> check(args[1], args[2], Path.of(args[3]), Path.of(args[4]), Path.of(args[5]),
                    args.length > 6 ? Long.parseLong(args[6]) : 0);
            case "drained" -> drained(args[1], Integer.parseInt(args[2]));
            case "in-flight" -> inFlight(args[1], Path.of(args[2]));
            case "in-flight-out" -> inFlightOut(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- SMTP server: the mode file says normal, slow (3 s a message), hang (accepts, never answers) or refuse.

    static void smtp(int port, Path modeFile, Path log) throws Exception {
        ServerSocket server = null;
        while (true) {
            String mode = mode(modeFile);
            if (mode.equals("refuse")) {
                if (server != null) {
                    server.close();
                    server = null;
                }
                Thread.sleep(200);
                continue;
            }
            if (server == null) {
                server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress("127.0.0.1", port));
                server.setSoTimeout(200);
            }
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> session(socket, modeFile, log));
                session.setDaemon(true);
                session.start();
            } catch (java.net.SocketTimeoutException idle) {
                // look at the mode again
            }
        }
    }

    static String mode(Path modeFile) {
        try {
            return Files.readString(modeFile).trim();
        } catch (IOException e) {
            return "normal";
        }
    }

    static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    static void session(Socket socket, Path modeFile, Path log) {
        try (socket) {
            if (mode(modeFile).equals("hang")) {
                socket.setSoTimeout(0);
                socket.getInputStream().readAllBytes();
                return;
            }
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            out.print("220 drill ESMTP\r\n");
            out.flush();
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 drill");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.replaceAll("(?i).*<([^>]*)>.*", "$1"));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder data = new StringBuilder();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.append(dataLine).append('\n');
                        }
                        if (mode(modeFile).equals("slow")) {
                            Thread.sleep(3000);
                        }
                        Matcher id = MESSAGE_ID.matcher(data);
                        String messageId = id.find() ? id.group(1) : "none";
                        synchronized (Drill.class) {
                            Files.writeString(log, System.currentTimeMillis() + " " + messageId + " "
                                    + String.join(",", recipients) + "\n", StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND);
                        }
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    // ---- The places to book: open slots found through the API, one line "branch service date start" a place.

    static void places(String base, int wanted, Path out) throws Exception {
        List<String> found = new ArrayList<>();
        String branch = "HQ-PJY";
        for (String service : services(base, branch)) {
            LocalDate day = LocalDate.now().plusDays(2);
            for (int d = 0; d < 60 && found.size() < wanted; d++, day = day.plusDays(1)) {
                String body = get(base + "/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + day);
                Matcher slot = Pattern.compile("\"start\":\"([0-9:]+)\"[^}]*?\"placesLeft\":([0-9]+)").matcher(body);
                while (slot.find() && found.size() < wanted) {
                    for (int p = 0; p < Integer.parseInt(slot.group(2)) && found.size() < wanted; p++) {
                        found.add(branch + " " + service + " " + day + " " + slot.group(1));
                    }
                }
            }
            if (found.size() >= wanted) {
                break;
            }
        }
        if (found.size() < wanted) {
            throw new IllegalStateException("only " + found.size() + " free places found");
        }
        Files.write(out, found);
    }

    static List<String> services(String base, String branch) throws Exception {
        List<String> codes = new ArrayList<>();
        Matcher code = Pattern.compile("\"code\":\"([A-Z0-9-]+)\"").matcher(get(base + "/api/v1/branches/" + branch
                + "/services"));
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    // ---- The booking load: each applicant books once; on no answer, 502, 503 or 504 the client tries again
    // with the same Idempotency-Key, on the other node, for up to a minute.

    static void book(Path placesFile, String tag, int applicants, int concurrency, int perSecond, Path out,
            List<String> nodes) throws Exception {
        List<String> places = Files.readAllLines(placesFile);
        long start = System.currentTimeMillis();
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < applicants; i++) {
            int n = i;
            pool.submit(() -> {
                if (perSecond > 0) {
                    // Paced: applicant n starts at n / perSecond seconds, so the load spans the fault.
                    long wait = start + n * 1000L / perSecond - System.currentTimeMillis();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                String[] place = places.get(n % places.size()).split(" ");
                String id = "DRL" + tag + n;
                String body = "{\"branch\":\"" + place[0] + "\",\"service\":\"" + place[1] + "\",\"date\":\"" + place[2]
                        + "\",\"start\":\"" + place[3] + "\",\"applicant\":{\"fullName\":\"Pemohon Latihan\","
                        + "\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + id + "\",\"nationality\":\"SGP\","
                        + "\"email\":\"" + id.toLowerCase() + "@drill.example.my\",\"phone\":\"+6591234567\"}}";
                long deadline = System.currentTimeMillis() + 60_000;
                for (int attempt = 0; ; attempt++) {
                    String node = nodes.get((n + attempt) % nodes.size());
                    long started = System.nanoTime();
                    int status;
                    String answer = "";
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node
                                        + "/api/v1/appointments")).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").header("Idempotency-Key", "drill-" + id)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        answer = response.body();
                    } catch (Exception noAnswer) {
                        status = 0;
                    }
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    lines.add("ATTEMPT " + id + " " + status + " " + ms + " " + System.currentTimeMillis());
                    boolean retry = status == 0 || status == 502 || status == 503 || status == 504;
                    if (!retry || System.currentTimeMillis() > deadline) {
                        if (status == 201) {
                            Matcher reference = Pattern.compile("\"reference\":\"([A-Z0-9]+)\"").matcher(answer);
                            lines.add("ACK " + id + " " + (reference.find() ? reference.group(1) : "?"));
                        } else {
                            lines.add("FINAL " + id + " " + status);
                        }
                        return;
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        Files.write(out, lines);
    }

    // ---- Readiness and liveness every 250 ms until the stop file appears: "millis readiness liveness".

    static void probe(String base, Path out, Path stop) throws Exception {
        List<String> lines = new ArrayList<>();
        while (!Files.exists(stop)) {
            lines.add(System.currentTimeMillis() + " " + status(base + "/actuator/health/readiness") + " "
                    + status(base + "/actuator/health/liveness"));
            Thread.sleep(250);
        }
        Files.write(out, lines);
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    // ---- Ordinary requests for some seconds from some clients: their latency and statuses.

    static void latency(String url, int clients, int seconds) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long end = System.currentTimeMillis() + seconds * 1000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    long started = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    times.add((System.nanoTime() - started) / 1000);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("RESULT requests=%d p50_ms=%.1f p99_ms=%.1f statuses=%s%n", sorted.size(),
                percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0, compact(new TreeMap<>(statuses)));
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    // ---- Clients that POST a body of 10,000 bytes one byte every 2 s, for some seconds.

    static void trickle(int port, int clients, int seconds) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Socket socket = new Socket("localhost", port);
            socket.getOutputStream().write(("POST /api/v1/holds HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            sockets.add(socket);
        }
        int refused = 0;
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(2000);
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    refused++;
                }
            }
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        System.out.println("RESULT slow_clients=" + clients + " writes_refused=" + refused);
    }

    // ---- Mail drained: waits until no message of the drill is pending (or the seconds run out).

    static void drained(String jdbc, int seconds) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        try (Connection c = connect(jdbc)) {
            while (System.currentTimeMillis() < end) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM outbox_message WHERE status = 'PENDING' AND recipient LIKE 'drl%@drill.example.my'")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
        System.err.println("mail not drained after " + seconds + " s");
    }

    // ---- The messages being sent at an instant (claimed, lease running), and when they were out at last.

    static void inFlight(String jdbc, Path out) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(jdbc); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM outbox_message WHERE status = 'PENDING' AND locked_until > clock_timestamp()")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        Files.write(out, ids);
    }

    static void inFlightOut(String jdbc, Path ids, long since) throws Exception {
        List<String> claimed = Files.readAllLines(ids);
        long last = since;
        int unsent = 0;
        try (Connection c = connect(jdbc)) {
            for (String id : claimed) {
                try (var q = c.prepareStatement("SELECT sent_at FROM outbox_message WHERE id = ?")) {
                    q.setLong(1, Long.parseLong(id));
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next() && rs.getTimestamp(1) != null) {
                            last = Math.max(last, rs.getTimestamp(1).getTime());
                        } else {
                            unsent++;
                        }
                    }
                }
            }
        }
        System.out.printf("in_flight_at_kill=%d in_flight_unsent=%d in_flight_out_after_s=%d%n", claimed.size(), unsent,
                (last - since + 999) / 1000);
    }

    // ---- What the clients were told against what the database and the SMTP server hold.

    static void check(String jdbc, String tag, Path answers, Path smtpLog, Path probeLog, long returnedAt)
            throws Exception {
        Map<String, Integer> attempts = new TreeMap<>();
        Map<String, String> acknowledged = new HashMap<>();
        int requests = 0;
        long firstBookedAfterReturn = Long.MAX_VALUE;
        for (String line : Files.readAllLines(answers)) {
            String[] f = line.split(" ");
            if (f[0].equals("ATTEMPT")) {
                requests++;
                attempts.merge(f[2], 1, Integer::sum);
                long answeredAt = Long.parseLong(f[4]);
                if (returnedAt > 0 && f[2].equals("201") && answeredAt >= returnedAt) {
                    firstBookedAfterReturn = Math.min(firstBookedAfterReturn, answeredAt);
                }
            } else if (f[0].equals("ACK")) {
                acknowledged.put(f[1], f[2]);
            }
        }
        int lost = 0;
        int duplicated = 0;
        int overCapacity;
        int rows;
        int codeMessages;
        try (Connection c = connect(jdbc)) {
            Map<String, Integer> perDocument = new HashMap<>();
            Set<String> references = new HashSet<>();
            try (var statement = c.prepareStatement("""
                    SELECT document_number, reference FROM appointment
                    WHERE document_number LIKE ? AND status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN')""")) {
                statement.setString(1, "DRL" + tag + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        perDocument.merge(rs.getString(1), 1, Integer::sum);
                        references.add(rs.getString(2));
                    }
                }
            }
            rows = references.size();
            for (String reference : acknowledged.values()) {
                if (!references.contains(reference)) {
                    lost++;
                }
            }
            for (int count : perDocument.values()) {
                duplicated += count - 1;
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT count(*) FROM slot s WHERE (SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id AND p.taken) > s.capacity
                        OR s.capacity < (SELECT count(*) FROM appointment a
                        WHERE a.slot_id = s.id AND a.status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN', 'LATE'))""")) {
                rs.next();
                overCapacity = rs.getInt(1);
            }
            try (var statement = c.prepareStatement("""
                    SELECT count(*) FROM outbox_message WHERE recipient LIKE ? AND kind = 'CONFIRMATION_CODE'""")) {
                statement.setString(1, "drl" + tag.toLowerCase() + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    codeMessages = rs.getInt(1);
                }
            }
        }
        Map<String, Integer> deliveries = new HashMap<>();
        if (Files.exists(smtpLog)) {
            for (String line : Files.readAllLines(smtpLog)) {
                String[] f = line.split(" ");
                if (f.length >= 3 && f[2].startsWith("drl" + tag.toLowerCase())) {
                    deliveries.merge(f[1], 1, Integer::sum);
                }
            }
        }
        int delivered = deliveries.values().stream().mapToInt(Integer::intValue).sum();
        int resent = delivered - deliveries.size();
        String readiness = "";
        if (Files.exists(probeLog)) {
            long down = Files.readAllLines(probeLog).stream().filter(l -> !l.split(" ")[1].equals("200")).count();
            long liveDown = Files.readAllLines(probeLog).stream().filter(l -> !l.split(" ")[2].equals("200")).count();
            readiness = " readiness_not_up_probes=" + down + " liveness_not_up_probes=" + liveDown;
        }
        if (returnedAt > 0) {
            readiness += firstBookedAfterReturn == Long.MAX_VALUE ? " booked_again_after_s=never"
                    : String.format(" booked_again_after_s=%.1f", (firstBookedAfterReturn - returnedAt) / 1000.0);
        }
        System.out.printf("RESULT requests=%d statuses=%s acknowledged=%d rows=%d lost=%d duplicated=%d over_capacity=%d"
                        + " code_messages=%d mails_delivered=%d mails_distinct=%d mails_resent=%d%s%n",
                requests, compact(attempts), acknowledged.size(), rows, lost, duplicated, overCapacity, codeMessages, delivered,
                deliveries.size(), resent, readiness);
    }

    /** {@code {201=80,503=2}}: one word, so that drills/run reads every status of it. */
    static String compact(Map<?, ?> counts) {
        return counts.toString().replace(" ", "");
    }

    static Connection connect(String jdbc) throws Exception {
        String[] parts = jdbc.split("\\|", -1);
        return DriverManager.getConnection(parts[0], parts[1], parts[2]);
    }
}
