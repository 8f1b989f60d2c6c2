import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the benchmark that are easier in Java than in shell: seeding and discovering the
 * data, the rush with its invariants, and the report. Run by bench/run with the PostgreSQL driver on
 * the class path; needs nothing else than the JDK.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Path.of(args[2]));
            case "discover" -> discover(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "pgbench-slots" -> pgbenchSlots(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "rush-setup" -> rushSetup(args[1], Path.of(args[2]));
            case "rush-prepare" -> rushPrepare(args[1], Path.of(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "rush-check" -> rushCheck(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6]);
            case "check" -> check(args[1]);
            case "quiet" -> quiet(args[1]);
            case "report" -> report(Path.of(args[1]), Path.of(args[2]), args[3]);
            case "smtp-sink" -> smtpSink(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ---- seeding: every offering booked to half its places for the next 31 days -------------------

    static void seed(String jdbc, Path work) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            int slots = s.executeUpdate("""
                    INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                    SELECT o.branch_code, o.service_code, d::date, t::time,
                           (t + make_interval(mins => o.slot_minutes))::time, o.capacity
                    FROM offering o
                    CROSS JOIN generate_series(current_date + 1, current_date + 31, interval '1 day') d
                    JOIN opening_hours h ON h.branch_code = o.branch_code
                                        AND h.day_of_week = extract(isodow FROM d)
                    CROSS JOIN LATERAL generate_series(d + h.opens,
                            d + h.closes - make_interval(mins => o.slot_minutes),
                            make_interval(mins => o.slot_minutes)) t
                    WHERE o.capacity / 2 > 0
                    ON CONFLICT DO NOTHING""");
            // The filler counts as already reminded: otherwise the nodes' reminder job would write a day's
            // reminders (thousands of e-mails with PDF slips) in the background of the first measurements.
            int appointments = s.executeUpdate("""
                    INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
                        status, full_name, document_type, document_number, nationality, email, phone, language,
                        idempotency_key, request_hash, created_at, reminder_sent_at)
                    SELECT translate(upper(substr(md5(s.id || '-' || n), 1, 10)), '01', '23'), s.id, s.branch_code,
                           s.service_code, s.day, s.start_time, s.end_time, 'CONFIRMED', 'Pemohon Contoh', 'PASSPORT',
                           'SEED' || s.id || 'N' || n, 'SGP', 'seed@example.my', '+6591234567', 'ms',
                           'seed-' || s.id || '-' || n, 'seed', now(), now()
                    FROM slot s CROSS JOIN LATERAL generate_series(1, s.capacity / 2) n""");
            // Half of each slot's place rows taken, in one pass over them (the filler's places).
            s.executeUpdate("""
                    UPDATE slot_place p SET taken = true
                    FROM (SELECT sp.id, row_number() OVER (PARTITION BY sp.slot_id ORDER BY sp.id) AS n, s.capacity
                          FROM slot_place sp JOIN slot s ON s.id = sp.slot_id) r
                    WHERE p.id = r.id AND r.n <= r.capacity / 2""");
            s.execute("VACUUM ANALYZE");
            System.out.printf("seeded %d slots half booked with %d appointments%n", slots, appointments);
        }
    }

    // ---- discovery: what the scenarios ask for, found through the API -----------------------------

    static void discover(String base, String seededUntil, Path work, int daysPerOffering) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        LocalDate seededEnd = LocalDate.parse(seededUntil);
        Pattern openDay = Pattern.compile("\"date\":\"([0-9-]+)\",\"status\":\"OPEN\"");
        Pattern inWindow = Pattern.compile("\"date\":\"([0-9-]+)\",\"status\":\"(?:OPEN|FULL|CLOSED)\"");
        Pattern slotPattern = Pattern.compile(
                "\"start\":\"([0-9:]+)\",\"end\":\"([0-9:]+)\",\"capacity\":(\\d+),\"placesLeft\":(\\d+)");
        List<String> offerings = new ArrayList<>();
        List<String> openDays = new ArrayList<>();
        List<String> places = new ArrayList<>();
        String hotSlot = null;
        for (String department : values(get(http, base + "/api/v1/departments"), "code")) {
            for (String branch : codesOfObjects(get(http, base + "/api/v1/departments/" + department + "/branches"))) {
                for (String service : codesOfObjects(get(http, base + "/api/v1/branches/" + branch + "/services"))) {
                    offerings.add(branch + " " + service);
                    String path = base + "/api/v1/branches/" + branch + "/services/" + service;
                    LocalDate from = LocalDate.now().plusDays(1);
                    String days = get(http, path + "/days?from=" + from + "&to=" + from.plusDays(99));
                    // The days released today are held only with a waiting-room pass (403 PASS_REQUIRED):
                    // the newest days of the window, at most 3 a day; the booking scenarios keep off them.
                    Matcher bookable = inWindow.matcher(days);
                    LocalDate windowEnd = from;
                    while (bookable.find()) {
                        windowEnd = LocalDate.parse(bookable.group(1));
                    }
                    LocalDate releasedToday = windowEnd.minusDays(3);
                    Matcher open = openDay.matcher(days);
                    int later = 0;
                    while (open.find()) {
                        LocalDate day = LocalDate.parse(open.group(1));
                        if (!day.isBefore(releasedToday)) {
                            continue;
                        }
                        if (!day.isAfter(seededEnd)) {
                            openDays.add(branch + " " + service + " " + day);
                            continue;
                        }
                        if (later++ >= daysPerOffering) {
                            continue;
                        }
                        Matcher slot = slotPattern.matcher(get(http, path + "/slots?date=" + day));
                        while (slot.find()) {
                            String line = branch + " " + service + " " + day + " " + slot.group(1) + " " + slot.group(2)
                                    + " " + slot.group(3);
                            if (hotSlot == null) {
                                hotSlot = line;
                            } else {
                                for (int p = 0; p < Integer.parseInt(slot.group(4)); p++) {
                                    places.add(line);
                                }
                            }
                        }
                    }
                }
            }
        }
        // Shuffled once, the same way every run: consecutive bookings land on different slots.
        Collections.shuffle(places, new java.util.Random(42));
        Files.write(work.resolve("offerings.txt"), offerings);
        Files.write(work.resolve("open-days.txt"), openDays);
        Files.write(work.resolve("places.txt"), places);
        Files.writeString(work.resolve("hot-slot.txt"), hotSlot + "\n");
        System.out.printf("discovered %d offerings, %d open days, %d free places to book%n",
                offerings.size(), openDays.size(), places.size());
    }

    /**
     * Tables pgbench takes its slots from: one row per free place (each booked once), and the hot
     * slots ({@code hotSlots}, one for each pgbench run on one slot), each with room for every booking of
     * its run so that what is measured is the queue on one slot. The
     * slot rows (with their place rows) of every place are made here, so that the minimal transaction
     * finds them, and pgbench's full transaction and the app's bookings find them made alike.
     */
    static void pgbenchSlots(String jdbc, Path work, int hotSlots) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            for (String table : List.of("bench_place", "bench_hot_slot")) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, branch text, service text, day date, "
                        + "start_time time, end_time time, capacity int)");
            }
            load(c, "bench_place", Files.readAllLines(work.resolve("places.txt")), false);
            // One hot slot per pgbench run on one slot, each as fresh as a rush's slot: the same slot of the
            // schedule, a second apart (the harness's own rows; nothing reads their schedule).
            String hot = Files.readAllLines(work.resolve("hot-slot.txt")).get(0);
            load(c, "bench_hot_slot", java.util.Collections.nCopies(hotSlots, hot), true);
            s.execute("UPDATE bench_hot_slot SET start_time = start_time + (id - 1) * interval '1 second', "
                    + "end_time = end_time + (id - 1) * interval '1 second'");
            s.execute("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) "
                    + "SELECT branch, service, day, start_time, end_time, capacity FROM bench_hot_slot "
                    + "UNION ALL SELECT DISTINCT branch, service, day, start_time, end_time, capacity FROM bench_place "
                    + "ON CONFLICT DO NOTHING");
            s.execute("VACUUM ANALYZE");
        }
    }

    /** Room for every booking of a pgbench run on one hot slot (10 s at 3,000 a second at most here). */
    private static final int HOT_SLOT_PLACES = 40_000;

    private static void load(Connection c, String table, List<String> lines, boolean roomForAll) throws Exception {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + table + " VALUES (?, ?, ?, ?::date, ?::time, ?::time, ?)")) {
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(" ");
                insert.setInt(1, i + 1);
                insert.setString(2, f[0]);
                insert.setString(3, f[1]);
                insert.setString(4, f[2]);
                insert.setString(5, f[3]);
                insert.setString(6, f[4]);
                insert.setInt(7, roomForAll ? HOT_SLOT_PLACES : Integer.parseInt(f[5]));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---- the rush: distinct applicants released at once through every node ---------------------
    // wrk sends the requests (bench/wrk/rush.lua); Java prepares the places and checks the answers.

    /** The rush's own branch: its own state (no weekend, no holiday), open every day 08:00-16:20. */
    static final String RUSH_BRANCH = "BENCH-RUSH";
    /** 5-minute slots from 08:00 to 16:20: the 100 slots the places of the spread shape go to. */
    static final int RUSH_DAY_SLOTS = 100;

    /**
     * Makes the rush's own branch and offering (the first transaction type), open every day, so that a
     * rush's shape never depends on the calendar, and writes its day's slots ({@code rush-day.txt}): a
     * day two weeks ahead, inside every booking window.
     */
    static void rushSetup(String jdbc, Path work) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            s.execute("INSERT INTO state (code, name_ms, name_en) VALUES ('BNR', 'Bangku Ujian', 'Benchmark') "
                    + "ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO department (code, name_ms, name_en, state_code) VALUES ('" + RUSH_BRANCH
                    + "', 'Jabatan Ujian', 'Benchmark department', 'BNR') ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO branch (code, department_code, state_code, name_ms, name_en, address) VALUES ('"
                    + RUSH_BRANCH + "', '" + RUSH_BRANCH + "', 'BNR', 'Cawangan Ujian', 'Benchmark branch', '-') "
                    + "ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO offering (branch_code, service_code, slot_minutes, capacity) SELECT '" + RUSH_BRANCH
                    + "', min(code), 5, 100 FROM transaction_type ON CONFLICT DO NOTHING");
            s.execute("DELETE FROM opening_hours WHERE branch_code = '" + RUSH_BRANCH + "'");
            s.execute("INSERT INTO opening_hours (branch_code, day_of_week, opens, closes) SELECT '" + RUSH_BRANCH
                    + "', d, '08:00', '16:20' FROM generate_series(1, 7) d");
            String service;
            try (ResultSet rs = s.executeQuery("SELECT service_code FROM offering WHERE branch_code = '" + RUSH_BRANCH
                    + "'")) {
                rs.next();
                service = rs.getString(1);
            }
            LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Kuala_Lumpur")).plusDays(14);
            List<String> slots = new ArrayList<>();
            for (int i = 0; i < RUSH_DAY_SLOTS; i++) {
                java.time.LocalTime start = java.time.LocalTime.of(8, 0).plusMinutes(5L * i);
                slots.add(RUSH_BRANCH + " " + service + " " + day + " " + start + " " + start.plusMinutes(5) + " 100");
            }
            Files.write(work.resolve("rush-day.txt"), slots);
            System.out.printf("rush branch %s, %s on %s, %d slots%n", RUSH_BRANCH, service, day, slots.size());
        }
    }

    /**
     * Gives the rush day the shape's places and none taken: {@code places} over the first {@code slots}
     * slots of the day (100: spread, 10: concentrated, 1: single), and writes them to
     * {@code rush-slots.txt} for bench/wrk/rush.lua.
     */
    static void rushPrepare(String jdbc, Path work, int slots, int places) throws Exception {
        List<String> shape = Files.readAllLines(work.resolve("rush-day.txt")).subList(0, slots);
        Files.write(work.resolve("rush-slots.txt"), shape);
        try (Connection c = connect(jdbc)) {
            prepareRushPlaces(c, rushSlots(work), places);
        }
    }

    private static List<String[]> rushSlots(Path work) throws IOException {
        return Files.readAllLines(work.resolve("rush-slots.txt")).stream().map(l -> l.split(" ")).toList();
    }

    /**
     * Checks wrk's answers (one file per wrk thread: status and reference) against the database and
     * prints the rush's RESULT line, with wrk's timing ({@code wrkResult}).
     */
    static void rushCheck(String jdbc, Path work, String tag, int applicants, int places, String wrkResult)
            throws Exception {
        List<String[]> slots = rushSlots(work);
        String branch = slots.get(0)[0], service = slots.get(0)[1], day = slots.get(0)[2];
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> answered201 = new HashSet<>();
        int answers = 0;
        int duplicate201 = 0;
        for (int thread = 1; thread <= 2; thread++) {
            Path file = work.resolve("rush-" + tag + "-" + thread + ".txt");
            for (String line : Files.exists(file) ? Files.readAllLines(file) : List.<String>of()) {
                String[] o = line.split(" ");
                answers++;
                statuses.merge(o[0], 1, Integer::sum);
                if (o[0].equals("201") && !answered201.add(o[1])) {
                    duplicate201++;
                }
            }
        }
        Set<String> rows = new HashSet<>();
        int overCapacity;
        try (Connection c = connect(jdbc)) {
            try (PreparedStatement q = c.prepareStatement("SELECT reference FROM appointment WHERE branch_code = ? "
                    + "AND service_code = ? AND day = ?::date AND status IN ('PENDING', 'CONFIRMED') AND idempotency_key LIKE ?")) {
                q.setString(1, branch);
                q.setString(2, service);
                q.setString(3, day);
                q.setString(4, "api:rush-" + tag + "R%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM slot s WHERE s.branch_code = ? "
                    + "AND s.service_code = ? AND s.day = ?::date AND (" + TAKEN + " > s.capacity OR " + TAKEN + " <> "
                    + "(SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('PENDING', 'CONFIRMED')) "
                    + "OR s.capacity <> (SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id))")) {
                q.setString(1, branch);
                q.setString(2, service);
                q.setString(3, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    overCapacity = rs.getInt(1);
                }
            }
        }
        List<String> violations = new ArrayList<>();
        int others = applicants - statuses.getOrDefault("201", 0) - statuses.getOrDefault("409", 0);
        if (others > 0) violations.add(others + " answers other than 201 or 409: " + statuses);
        if (answers != applicants) violations.add(answers + " answers for " + applicants + " requests");
        if (answered201.size() != places) violations.add(answered201.size() + " booked for " + places + " places");
        if (duplicate201 > 0) violations.add(duplicate201 + " references answered 201 twice");
        if (!rows.equals(answered201)) violations.add("rows and 201 answers differ: " + rows.size() + " rows");
        if (overCapacity > 0) violations.add(overCapacity + " slots over capacity or miscounted");
        double seconds = Double.parseDouble(field(wrkResult, "seconds"));
        if (!field(wrkResult, "socket_errors").equals("0")) violations.add("socket errors: " + wrkResult);
        System.out.printf(Locale.ROOT, "RESULT applicants=%d places=%d seconds=%.3f rps=%.1f p50_ms=%s p99_ms=%s "
                        + "booked=%d refused=%d violations=%d%n", applicants, places, seconds, applicants / seconds,
                field(wrkResult, "p50_ms"), field(wrkResult, "p99_ms"),
                statuses.getOrDefault("201", 0), statuses.getOrDefault("409", 0), violations.size());
        violations.forEach(v -> System.out.println("VIOLATION " + v));
        if (!violations.isEmpty()) {
            System.exit(3);
        }
    }

    /**
     * Waits until the e-mails earlier scenarios queued are sent (at most five minutes), then forces a
     * checkpoint: each measurement starts without the last one's background work still running.
     */
    /**
     * An SMTP server on localhost that accepts every message and keeps none: the nodes send their
     * e-mail somewhere (a node on an external database refuses to start without SMTP settings).
     */
    static void smtpSink(int port) throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(port, 200, java.net.InetAddress.getLoopbackAddress())) {
            while (true) {
                java.net.Socket socket = server.accept();
                Thread session = new Thread(() -> {
                    try (socket; var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                            var out = socket.getOutputStream()) {
                        out.write("220 sink\r\n".getBytes());
                        for (String line; (line = in.readLine()) != null; ) {
                            String command = line.toUpperCase(Locale.ROOT);
                            if (command.equals("DATA")) {
                                out.write("354 go on\r\n".getBytes());
                                while ((line = in.readLine()) != null && !line.equals(".")) {
                                    // discarded
                                }
                            } else if (command.equals("QUIT")) {
                                out.write("221 bye\r\n".getBytes());
                                return;
                            }
                            out.write("250 OK\r\n".getBytes());
                        }
                    } catch (IOException e) {
                        // the node went away
                    }
                });
                session.setDaemon(true);
                session.start();
            }
        }
    }

    static void quiet(String jdbc) throws Exception {
        long start = System.nanoTime();
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            long pending;
            do {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_message WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= now()")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending > 0) {
                    Thread.sleep(1000);
                }
            } while (pending > 0 && System.nanoTime() - start < 300_000_000_000L);
            s.execute("CHECKPOINT");
            System.out.printf(Locale.ROOT, "quiet after %.1f s (%d e-mails still queued)%n",
                    (System.nanoTime() - start) / 1e9, pending);
        }
    }

    /** The places taken of the slot row {@code s}, as SQL: one {@code slot_place} row per place. */
    static final String TAKEN = "(SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id AND p.taken)";

    /**
     * Every slot has one place row per place, and its count of places taken equals its live holds and
     * active appointments.
     */
    static void check(String jdbc) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT count(*) FROM slot s
                        WHERE s.capacity <> (SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id)
                           OR\s""" + TAKEN + """
                         <> (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('PENDING', 'CONFIRMED'))
                                       + (SELECT count(*) FROM hold h WHERE h.slot_id = s.id AND h.released_at IS NULL)""")) {
            rs.next();
            int wrong = rs.getInt(1);
            System.out.println("RESULT miscounted_slots=" + wrong);
            if (wrong > 0) {
                System.exit(3);
            }
        }
    }

    /** Gives the rush day's slots exactly {@code places} places in all, none taken, and the day no other slot. */
    static void prepareRushPlaces(Connection c, List<String[]> slots, int places) throws Exception {
        String[] first = slots.get(0);
        // The codes of earlier rushes' appointments go first (they refer to them), with any e-mail about them
        // not yet sent (it would fail for want of its appointment, again and again); then the day's slot rows,
        // made again with the shape's places (the database makes their place rows, none taken or waiting).
        try (PreparedStatement delete = c.prepareStatement("WITH earlier AS (SELECT reference FROM appointment "
                + "WHERE branch_code = ? AND service_code = ? AND day = ?::date), "
                + "codes AS (DELETE FROM confirmation_code WHERE reference IN (SELECT reference FROM earlier)), "
                + "mails AS (DELETE FROM outbox_message WHERE status <> 'SENT' AND appointment_reference IN "
                + "(SELECT reference FROM earlier)) "
                + "DELETE FROM appointment WHERE branch_code = ? AND service_code = ? AND day = ?::date");
                PreparedStatement deleteSlots = c.prepareStatement("WITH day AS (SELECT id FROM slot WHERE "
                        + "branch_code = ? AND service_code = ? AND day = ?::date), holds AS (DELETE FROM hold "
                        + "WHERE slot_id IN (SELECT id FROM day)) DELETE FROM slot WHERE id IN (SELECT id FROM day)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO slot (branch_code, service_code, day, "
                        + "start_time, end_time, capacity) VALUES (?, ?, ?::date, ?::time, ?::time, ?)")) {
            for (int p = 0; p < 6; p += 3) {
                delete.setString(p + 1, first[0]);
                delete.setString(p + 2, first[1]);
                delete.setString(p + 3, first[2]);
            }
            delete.executeUpdate();
            deleteSlots.setString(1, first[0]);
            deleteSlots.setString(2, first[1]);
            deleteSlots.setString(3, first[2]);
            deleteSlots.executeUpdate();
            for (int i = 0; i < slots.size(); i++) {
                String[] s = slots.get(i);
                int share = places / slots.size() + (i < places % slots.size() ? 1 : 0);
                insert.setString(1, s[0]);
                insert.setString(2, s[1]);
                insert.setString(3, s[2]);
                insert.setString(4, s[3]);
                insert.setString(5, s[4]);
                insert.setInt(6, share);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            // The day's new rows are counted by the planner before the rush, as a slot in service would be.
            s.execute("VACUUM ANALYZE slot_place");
        }
    }

    // ---- the report -------------------------------------------------------------------------------

    /**
     * Reads results.tsv (scenario, concurrency, metric, value, one line per run) and writes the
     * Markdown table with min / median / max, the ratios against the ceilings of the same run, and
     * the targets.
     */
    static void report(Path tsv, Path out, String header) throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            values.computeIfAbsent(f[0] + "\t" + f[1] + "\t" + f[2], k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
        }
        StringBuilder md = new StringBuilder(Files.readString(Path.of(header)));
        md.append("\n## Figures (min / median / max of ").append(runs(values)).append(" runs)\n\n");
        md.append("| scenario | concurrency | metric | min | median | max |\n|---|---|---|---|---|---|\n");
        values.forEach((key, list) -> {
            String[] k = key.split("\t");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f |%n", k[0], k[1], k[2],
                    min(list), median(list), max(list)));
        });
        rushShapes(md, values);
        md.append("\n## Ratios and targets (medians of the same run)\n\n");
        md.append("| measure | value | target | met |\n|---|---|---|---|\n");
        for (String c : List.of("8", "32")) {
            ratio(md, values, "booking throughput / minimal transaction (pgbench), " + c + " clients",
                    "booking\t" + c + "\trps", "pgbench-minimal\t" + c + "\ttps", 0.5);
            ratio(md, values, "booking throughput / full transaction (pgbench, spread), " + c + " clients",
                    "booking\t" + c + "\trps", "pgbench-spread\t" + c + "\ttps", 0.5);
        }
        for (String scenario : List.of("days", "slots")) {
            for (String c : List.of("16", "64")) {
                ratio(md, values, scenario + " throughput / HTTP floor, " + c + " connections",
                        scenario + "\t" + c + "\trps", "floor\t64\trps", 0.5);
            }
            target(md, values, scenario + " p99 at 64 connections (ms)", scenario + "\t64\tp99_ms", 50, true);
        }
        String small = "10000/1000", large = "40000/4000";
        target(md, values, "rush spread " + small + ": seconds", "rush-spread\t" + small + "\tseconds", 10, true);
        target(md, values, "rush spread " + small + ": p99 (ms)", "rush-spread\t" + small + "\tp99_ms", 1000, true);
        for (String size : List.of(small, large)) {
            for (String shape : List.of("concentrated", "single")) {
                atMost(md, values, "rush " + size + ": " + shape + " / spread seconds", "rush-" + shape + "\t" + size
                        + "\tseconds", "rush-spread\t" + size + "\tseconds", 1.5);
            }
        }
        for (String shape : RUSH_SHAPES) {
            atMost(md, values, "rush " + shape + ": " + large + " / " + small + " seconds", "rush-" + shape + "\t" + large
                    + "\tseconds", "rush-" + shape + "\t" + small + "\tseconds", 4.4);
        }
        values.forEach((key, list) -> {
            if (key.startsWith("rush") && key.endsWith("\tviolations")) {
                String[] k = key.split("\t");
                target(md, values, k[0] + " " + k[1] + ": invariant violations (max)", key, 0, true);
            }
        });
        target(md, values, "peak resident size, node 1 (MiB)", "memory\tnode1\tpeak_rss_mib", 512, true);
        target(md, values, "peak resident size, node 2 (MiB)", "memory\tnode2\tpeak_rss_mib", 512, true);
        Files.writeString(out, md.toString());
    }

    static final List<String> RUSH_SHAPES = List.of("spread", "concentrated", "single");

    /** The rush's shapes side by side: seconds and p99 (medians) of each size, and the ratio to spread. */
    private static void rushShapes(StringBuilder md, Map<String, List<Double>> values) {
        List<String> sizes = values.keySet().stream().filter(k -> k.startsWith("rush-spread\t"))
                .map(k -> k.split("\t")[1]).distinct().toList();
        if (sizes.isEmpty()) {
            return;
        }
        md.append("\n## The rush by shape (medians; the first rush on fresh nodes is `rush-first` above)\n\n");
        md.append("| shape | slots |");
        sizes.forEach(size -> md.append(" ").append(size).append(": seconds | p99 ms | / spread |"));
        md.append("\n|---|---|").append("---|---|---|".repeat(sizes.size())).append("\n");
        for (String shape : RUSH_SHAPES) {
            md.append("| ").append(shape).append(" | ").append(switch (shape) {
                case "spread" -> "100";
                case "concentrated" -> "10";
                default -> "1";
            }).append(" |");
            for (String size : sizes) {
                List<Double> seconds = values.get("rush-" + shape + "\t" + size + "\tseconds");
                List<Double> p99 = values.get("rush-" + shape + "\t" + size + "\tp99_ms");
                List<Double> spread = values.get("rush-spread\t" + size + "\tseconds");
                md.append(seconds == null ? " – | – | – |" : String.format(Locale.ROOT, " %.1f | %.0f | %.2f |",
                        median(seconds), median(p99), median(seconds) / median(spread)));
            }
            md.append("\n");
        }
    }

    private static int runs(Map<String, List<Double>> values) {
        return values.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** A ratio of medians that must stay at least {@code target}. */
    private static void ratio(StringBuilder md, Map<String, List<Double>> values, String label, String key,
            String baseline, double target) {
        ratio(md, values, label, key, baseline, target, false);
    }

    /** A ratio of medians that must stay at most {@code limit}. */
    private static void atMost(StringBuilder md, Map<String, List<Double>> values, String label, String key,
            String baseline, double limit) {
        ratio(md, values, label, key, baseline, limit, true);
    }

    private static void ratio(StringBuilder md, Map<String, List<Double>> values, String label, String key,
            String baseline, double limit, boolean atMost) {
        String sign = atMost ? "≤" : "≥";
        List<Double> a = values.get(key), b = values.get(baseline);
        if (a == null || b == null) {
            md.append("| ").append(label).append(" | not measured | ").append(sign).append(" ").append(limit)
                    .append(" | – |\n");
            return;
        }
        double r = median(a) / median(b);
        boolean met = atMost ? r <= limit : r >= limit;
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %s %.2f | %s |%n", label, r, sign, limit, met ? "yes" : "**no**"));
    }

    private static void target(StringBuilder md, Map<String, List<Double>> values, String label, String key,
            double limit, boolean below) {
        List<Double> v = values.get(key);
        if (v == null) {
            md.append("| ").append(label).append(" | not measured | ").append(limit).append(" | – |\n");
            return;
        }
        double worst = below ? max(v) : min(v);
        boolean met = below ? (limit == 0 ? worst <= 0 : worst < limit) : worst >= limit;
        md.append(String.format(Locale.ROOT, "| %s | %.1f (worst run) | %s %.0f | %s |%n", label, worst,
                limit == 0 ? "=" : "<", limit, met ? "yes" : "**no**"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static Connection connect(String jdbc) throws Exception {
        String[] parts = jdbc.split("\\|", -1); // url|user|password
        return DriverManager.getConnection(parts[0], parts[1], parts[2]);
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static List<String> values(String json, String field) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The top-level codes of a list of objects whose first field is their code. */
    static List<String> codesOfObjects(String json) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"code\":\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** A value of a {@code RESULT key=value ...} line. */
    static String field(String result, String key) {
        Matcher m = Pattern.compile("\\b" + key + "=([0-9.]+)").matcher(result);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + key + " in " + result);
        }
        return m.group(1);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double min(List<Double> v) {
        return Collections.min(v);
    }

    static double max(List<Double> v) {
        return Collections.max(v);
    }
}
