package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.RawHttp;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.StaffFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import my.gov.temujanji.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input, at random with a fixed seed: every operation of the OpenAPI document and every form
 * and link of the applicant and staff pages (found by reading the pages, signed in as a system
 * administrator), each request with one thing wrong in a value, a field, a header or a cookie. No
 * answer may be a server error, and no body may show a stack trace or an internal name. Runs against
 * a node on a database of its own, so what the fuzzer changes (accounts disabled, closures, blocks)
 * touches no other test.
 */
@IntegrationTest
class FuzzTest {

    static final long SEED = 20_261_201L;
    static final int REQUESTS = 12_000;
    static final List<String> LEAKS = List.of("at my.gov", "Exception", "org.springframework", "SQLState",
            "PSQLException", "java.");

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    /** One thing to send, before a mutation: a value is plain text, percent-encoded when sent. */
    record Target(String kind, String method, String path, Map<String, String> pathParams,
            List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> form, Map<String, Object> json,
            boolean staff) {

        /** The target's kind, method and address with codes and ids as placeholders: one cause, many pages. */
        String name() {
            return kind + " " + method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
                    .replaceAll("/[A-Z0-9]+(-[A-Z0-9]+)*(?=/|$)", "/{code}");
        }
    }

    /** A value made hostile: as percent-encoded text (targets, forms), as a JSON literal, as header chars. */
    record Evil(String name, String encoded, String json, String header) {
    }

    static final String MEGABYTE = "A".repeat(1 << 20);

    static final List<Evil> EVIL = List.of(
            new Evil("nul", "%00", "\"\\u0000\"", "\u0000"),
            new Evil("nul-inside", "ab%00cd", "\"ab\\u0000cd\"", "ab\u0000cd"),
            new Evil("lone-surrogate", "%ED%A0%80", "\"\\ud800\"", "\u00ed\u00a0\u0080"),
            new Evil("lone-surrogate-inside", "ab%ED%B0%80cd", "\"ab\\udc00cd\"", "ab\u00ed\u00b0\u0080cd"),
            new Evil("rtl", "%E2%80%AEabc%E2%80%8F", "\"\u202eabc\u200f\"", RawHttp.utf8Bytes("\u202eabc\u200f")),
            new Evil("emoji", "%F0%9F%98%80", "\"\ud83d\ude00\"", RawHttp.utf8Bytes("\ud83d\ude00")),
            new Evil("megabyte", MEGABYTE, "\"" + MEGABYTE + "\"", "A".repeat(9000)),
            new Evil("long", "%C3%A4".repeat(5000), "\"" + "\u00e4".repeat(5000) + "\"", "a".repeat(5000)),
            new Evil("empty", "", "\"\"", ""),
            new Evil("blank", "%20%20", "\"  \"", "  "),
            new Evil("negative", "-1", "-1", "-1"),
            new Evil("huge-number", "99999999999999999999", "99999999999999999999", "99999999999999999999"),
            new Evil("float", "1e309", "1e309", "1e309"),
            new Evil("impossible-date", "2026-02-30", "\"2026-02-30\"", "2026-02-30"),
            new Evil("far-date", "99999-01-01", "\"99999-01-01\"", "99999-01-01"),
            new Evil("zero-date", "0000-00-00", "\"0000-00-00\"", "0000-00-00"),
            new Evil("negative-date", "-2026-01-01", "\"-2026-01-01\"", "-2026-01-01"),
            new Evil("bad-time", "25%3A61", "\"25:61\"", "25:61"),
            new Evil("zero-uuid", "00000000-0000-0000-0000-000000000000", "\"00000000-0000-0000-0000-000000000000\"",
                    "00000000-0000-0000-0000-000000000000"),
            new Evil("sql", "%27%20OR%201%3D1--", "\"' OR 1=1--\"", "' OR 1=1--"),
            new Evil("html", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "\"<script>alert(1)</script>\"", "<script>"),
            new Evil("template", "__%24%7B7*7%7D__%3A%3A.x", "\"__${7*7}__::.x\"", "__${7*7}__::.x"),
            new Evil("path", "..%2F..%2Fetc%2Fpasswd", "\"../../etc/passwd\"", "../../etc/passwd"),
            new Evil("bad-percent", "%", "\"%\"", "%"),
            new Evil("bad-percent-hex", "%zz", "\"%zz\"", "%zz"),
            new Evil("truncated-utf8", "%E2%80", "\"\\u00e2\"", "\u00e2\u0080"),
            new Evil("overlong-utf8", "%C0%AF", "\"\\u00c0\"", "\u00c0\u00af"),
            new Evil("invalid-utf8", "%FF%FE", "\"\\u00ff\"", "\u00ff\u00fe"),
            new Evil("crlf", "%0D%0ASet-Cookie%3A%20x%3Dy", "\"\\r\\nSet-Cookie: x=y\"", "x"),
            new Evil("wrong-type-number", "12345", "12345", "12345"),
            new Evil("wrong-type-boolean", "true", "true", "true"),
            new Evil("wrong-type-array", "%5B%5D", "[\"a\", 1]", "[]"),
            new Evil("wrong-type-object", "%7B%7D", "{\"a\": {}}", "{}"),
            new Evil("null", "null", "null", "null"));

    static final List<String> MEDIA_TYPES = List.of("*/*", "text/*", "application/*", "application/json; charset=foo",
            "garbage", "application/xml", "text/plain", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "", "application/json;;;", "a/b/c", "text/html; charset=utf-8",
            "application/json; charset=" + RawHttp.utf8Bytes("\u00e9"), "application/x-www-form-urlencoded; charset=foo");
    static final List<String> ACCEPTS = List.of("application/xml", "image/png", "text/csv", "garbage", "*/*", "text/*",
            "application/json;q=abc", "", "application/problem+json", ",,,", "text/html;q=0, */*;q=0",
            "application/pdf", "text/calendar");
    static final List<String> LANGUAGES = List.of("garbage;;", "xx-YY;q=2", "*", "en;q=abc", "en-GB-oxendict-x-a-b-c",
            "a".repeat(5000), RawHttp.utf8Bytes("\u0645\u0644\u0627\u064a\u0648"), "ms;q=0.5, en;q=0.9, *;q=0");
    static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO");

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    @Test
    void noInputGetsAServerErrorOrShowsAStackTrace() throws Exception {
        String database = SecondNode.freshDatabase(environment, jdbc, "fuzz");
        try (SecondNode node = SecondNode.startBeside(environment, List.of("spring.datasource.url=" + database,
                // Its own database is external to it: e-mail goes to SMTP (nothing sends here: no jobs run).
                "spring.mail.host=127.0.0.1", "spring.mail.port=9",
                // Rate limits on, and X-Forwarded-For read (from the test itself), with limits nobody reaches.
                "temujanji.rate-limit.enabled=true",
                "temujanji.rate-limit.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
                "temujanji.rate-limit.holds.per-address=1000000", "temujanji.rate-limit.holds.per-document=1000000",
                "temujanji.rate-limit.bookings.per-address=1000000",
                "temujanji.rate-limit.bookings.per-document=1000000",
                "temujanji.rate-limit.lookups.per-address=1000000",
                "temujanji.rate-limit.lookups.per-document=1000000",
                "temujanji.rate-limit.logins.per-address=1000000"))) {
            RawHttp raw = new RawHttp(node.port());
            StaffFixture.Account admin = new StaffFixture(node.bean(JdbcClient.class), node.bean(PasswordEncoder.class))
                    .systemAdmin();
            Map<String, String> cookies = signIn(raw, admin);
            Map<String, String> values = knownValues(node.port());

            List<Target> targets = new ArrayList<>(apiTargets(node.port(), values));
            int apiTargets = targets.size();
            targets.addAll(pageTargets(raw, cookies, admin.username(), values));
            System.out.printf("Fuzzer: %d API operations, %d page forms and links: %s%n", apiTargets,
                    targets.size() - apiTargets, targets.stream().map(Target::name).distinct().sorted().toList());
            assertThat(apiTargets).isGreaterThanOrEqualTo(10);
            assertThat(targets.size() - apiTargets).isGreaterThanOrEqualTo(30);

            Map<String, AtomicInteger> statuses = new TreeMap<>();
            Map<String, String> failures = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> failureCounts = new ConcurrentHashMap<>();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int index = i;
                sent.add(threads.submit(() -> {
                    Random random = new Random(SEED + index);
                    // A third of the requests go to the API, the rest to the pages' many more forms and links.
                    Target target = random.nextInt(3) == 0 ? targets.get(random.nextInt(apiTargets))
                            : targets.get(apiTargets + random.nextInt(targets.size() - apiTargets));
                    StringBuilder mutation = new StringBuilder();
                    RawHttp.Request request = mutate(target, cookies, random, mutation, node.port());
                    RawHttp.Response response = raw.send(request);
                    synchronized (statuses) {
                        statuses.computeIfAbsent(String.valueOf(response.status()), s -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    String leak = LEAKS.stream().filter(response.body()::contains).findFirst().orElse(null);
                    if (response.status() >= 500 || leak != null) {
                        String cause = response.status() + " " + target.name() + " [" + mutation + "]";
                        failureCounts.computeIfAbsent(cause, c -> new AtomicInteger()).incrementAndGet();
                        failures.putIfAbsent(cause, "#" + index + " " + request.method() + " "
                                + abbreviate(request.target()) + (leak == null ? "" : " body shows '" + leak + "'")
                                + ": " + abbreviate(response.body().replaceAll("\\s+", " ")));
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            threads.shutdown();
            System.out.printf("Fuzzer: %d requests, answers by status %s%n", REQUESTS, statuses);
            // For drills/run's report: what the last run of the suite sent and got.
            int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                    .mapToInt(e -> e.getValue().get()).sum();
            Path totals = Path.of("target", "fuzz", "totals.txt");
            Files.createDirectories(totals.getParent());
            Files.writeString(totals, "requests=" + REQUESTS + " api_operations=" + apiTargets + " page_targets="
                    + (targets.size() - apiTargets) + " statuses=" + statuses.toString().replace(" ", "")
                    + " status_500=" + serverErrors + " causes=" + failures.size() + " seed=" + SEED + "\n");
            failures.keySet().stream().sorted().forEach(cause -> System.out.printf("  %dx %s%n    %s%n",
                    failureCounts.get(cause).get(), cause, failures.get(cause)));
            assertThat(failures.keySet()).as("causes of server errors or leaks (see the summary above)").isEmpty();
        }
    }

    // --- discovery -------------------------------------------------------------------------------

    /** Real codes, dates and times to start from, so that most mutated requests get past the first check. */
    private static Map<String, String> knownValues(int port) {
        Http http = new Http(port);
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode departments = http.get("/api/v1/departments").json();
        values.put("code", departments.get(0).get("code").asString());
        values.put("branch", http.get("/api/v1/departments/" + values.get("code") + "/branches").json().get(0)
                .get("code").asString());
        values.put("service", http.get("/api/v1/branches/" + values.get("branch") + "/services").json().get(0)
                .get("code").asString());
        values.put("date", "2026-07-20");
        values.put("from", "2026-07-14");
        values.put("to", "2026-08-14");
        values.put("start", "09:00");
        values.put("documentNumber", "880412-10-5102");
        values.put("reference", "ZZZZZZZZZZ");
        values.put("token", "dGVzdA");
        values.put("holdId", "3f1c1d8e-4b8f-4a52-9c2e-7d1f2b3a4c5d");
        values.put("fullName", "Siti Aminah");
        values.put("documentType", "MYKAD");
        values.put("nationality", "MY");
        values.put("email", "siti@example.com");
        values.put("phone", "+60123456789");
        values.put("Idempotency-Key", "fuzz-key-1");
        return values;
    }

    /** Every operation of the OpenAPI document, with its parameters and JSON body filled from known values. */
    private static List<Target> apiTargets(int port, Map<String, String> values) {
        JsonNode doc = new Http(port).get("/v3/api-docs").json();
        JsonNode schemas = doc.path("components").path("schemas");
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                Map<String, String> pathParams = new LinkedHashMap<>();
                List<Map.Entry<String, String>> query = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.get("name").asString();
                    String value = values.getOrDefault(name, "x");
                    switch (parameter.get("in").asString()) {
                        case "path" -> pathParams.put(name, value);
                        case "query" -> query.add(Map.entry(name, value));
                        default -> { } // headers: every API request carries the ones the API reads
                    }
                }
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                Map<String, Object> json = body.isMissingNode() ? null : jsonFor(body, schemas, values, 0);
                targets.add(new Target("api", operation.getKey().toUpperCase(), path.getKey(), pathParams, query,
                        List.of(), json, false));
            }
        }
        return targets;
    }

    /** A JSON object as literals by field (nested objects as maps), from its schema. */
    private static Map<String, Object> jsonFor(JsonNode schema, JsonNode schemas, Map<String, String> values,
            int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            schema = schemas.get(name);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode type = property.getValue();
            if ((type.has("$ref") || "object".equals(type.path("type").asString())) && depth < 3) {
                json.put(property.getKey(), jsonFor(type, schemas, values, depth + 1));
            } else if ("code".equals(property.getKey())) {
                json.put("code", "\"123456\"");
            } else {
                json.put(property.getKey(), "\"" + values.getOrDefault(property.getKey(), "x") + "\"");
            }
        }
        return json;
    }

    private static Map<String, String> signIn(RawHttp raw, StaffFixture.Account admin) {
        Map<String, String> cookies = new LinkedHashMap<>();
        String token = csrfToken(exchange(raw, cookies, "GET", "/staff/login", null).body());
        RawHttp.Response login = exchange(raw, cookies, "POST", "/staff/login/attempt",
                formBody(List.of(Map.entry("username", admin.username()), Map.entry("password", admin.password()),
                        Map.entry("_csrf", token))));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("/staff/login");
        return cookies;
    }

    /**
     * The applicant and staff pages' forms and links, found by reading pages from a few starting points
     * (breadth first); each form found is also sent once as it is, to reach the pages behind it (a hold,
     * its details, its review).
     */
    private static List<Target> pageTargets(RawHttp raw, Map<String, String> cookies, String admin,
            Map<String, String> values) {
        Deque<String> queue = new ArrayDeque<>(List.of("/book/slots?branch=KTN-KOTA-BHARU&service=BKP&date=2026-09-17",
                "/book/people?branch=KTN-KOTA-BHARU&service=BKP", "/", "/book/department", "/appointments/manage", "/staff",
                "/staff/admin/accounts", "/staff/admin/accounts/new", "/staff/admin/audit", "/staff/admin/catalogue",
                "/staff/blocks", "/staff/reports", "/staff/password", "/staff/counter/HQ-PJY",
                "/staff/branch/HQ-PJY/settings", "/staff/branches/HQ-PJY", "/verify/abc", "/slip/ZZZZZZZZZZ"));
        Set<String> seenPages = new HashSet<>();
        Map<String, Integer> fetchedShapes = new HashMap<>();
        Set<String> seenShapes = new HashSet<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        int fetched = 0;
        while (!queue.isEmpty() && fetched < 250) {
            String page = queue.poll();
            // The same page of 45 branches is one page to the fuzzer: two of each are enough.
            String shape = page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")
                    .replaceAll("/[A-Z0-9]+(-[A-Z0-9]+)*(?=/|\\?|$)", "/{code}").replaceAll("=[^&]*", "=");
            if (!seenPages.add(page) || fetchedShapes.merge(shape, 1, Integer::sum) > 2) {
                continue;
            }
            fetched++;
            RawHttp.Response response = exchange(raw, cookies, "GET", page, null);
            if (response.status() == 302 || response.status() == 303) {
                String location = sameSite(response.header("Location"));
                if (location != null) {
                    queue.add(location);
                }
                continue;
            }
            if (!String.valueOf(response.header("Content-Type")).startsWith("text/html")) {
                continue;
            }
            String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
            addLink(targets, seenShapes, page);
            Document html = Jsoup.parse(response.body());
            for (Element link : html.select("a[href]")) {
                String href = sameSite(link.attr("href"));
                if (href != null && !href.startsWith("/staff/logout") && !href.contains(admin)) {
                    queue.add(href);
                }
            }
            for (Element form : html.select("form")) {
                String action = form.attr("action").isEmpty() ? path : sameSite(form.attr("action"));
                // Unlocking a kiosk signs its staff member out, as the logout does.
                if (action == null || action.startsWith("/staff/logout") || action.contains(admin)
                        || action.matches("/staff/queue/[^/]+/kiosk")) {
                    continue;
                }
                String method = form.attr("method").equalsIgnoreCase("post") ? "POST" : "GET";
                List<Map.Entry<String, String>> fields = fields(form, values);
                Target target = new Target("page", method, action, Map.of(),
                        method.equals("GET") ? fields : List.of(), method.equals("POST") ? fields : List.of(), null,
                        action.startsWith("/staff"));
                String formShape = target.name() + " " + fields.stream().map(Map.Entry::getKey)
                        .collect(Collectors.joining(","));
                if (seenShapes.add(formShape)) {
                    targets.put(formShape, target);
                    RawHttp.Response sentAsIs = method.equals("GET")
                            ? exchange(raw, cookies, "GET", action + "?" + formBody(fields), null)
                            : exchange(raw, cookies, "POST", action, formBody(fields));
                    String next = sameSite(sentAsIs.header("Location"));
                    if (next != null) {
                        queue.add(next);
                    } else if (method.equals("GET")) {
                        queue.add(action + "?" + formBody(fields));
                    }
                }
            }
        }
        return new ArrayList<>(targets.values());
    }

    /** A page address with a query is fuzzed as a GET with those parameters. */
    private static void addLink(Map<String, Target> targets, Set<String> seenShapes, String page) {
        String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (page.contains("?")) {
            for (String pair : page.substring(page.indexOf('?') + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.add(Map.entry(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : ""));
            }
        }
        Target link = new Target("page", "GET", path, Map.of(), query, List.of(), null, path.startsWith("/staff"));
        String shape = "LINK " + link.name().replaceAll("\\d{4}-\\d{2}(-\\d{2})?", "{date}") + " "
                + query.stream().map(Map.Entry::getKey).collect(Collectors.joining(","));
        if (seenShapes.add(shape)) {
            targets.put(shape, link);
        }
    }

    /** A form's fields as a browser sends them, empty ones filled from known values (to get past them). */
    private static List<Map.Entry<String, String>> fields(Element form, Map<String, String> values) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Set<String> radios = new HashSet<>();
        for (Element field : form.select("input[name], select[name], textarea[name], button[name]")) {
            String name = field.attr("name");
            switch (field.tagName()) {
                case "select" -> {
                    Element option = field.selectFirst("option[selected]");
                    option = option != null ? option : field.selectFirst("option");
                    fields.add(Map.entry(name, option == null ? "" : option.attr("value")));
                }
                case "textarea" -> fields.add(Map.entry(name, field.text()));
                case "button" -> {
                    if (fields.stream().noneMatch(f -> f.getKey().equals(name))) {
                        fields.add(Map.entry(name, field.attr("value")));
                    }
                }
                default -> {
                    String type = field.attr("type").toLowerCase();
                    if (type.equals("checkbox") && !field.hasAttr("checked")) {
                        continue;
                    }
                    if (type.equals("radio") && !radios.add(name)) {
                        continue;
                    }
                    String value = field.attr("value");
                    fields.add(Map.entry(name, value.isEmpty() ? values.getOrDefault(name, "") : value));
                }
            }
        }
        return fields;
    }

    // --- mutation --------------------------------------------------------------------------------

    /** The target's request with one thing wrong, described in {@code mutation}. */
    private static RawHttp.Request mutate(Target target, Map<String, String> cookies, Random random,
            StringBuilder mutation, int port) {
        Map<String, String> pathParams = new LinkedHashMap<>(target.pathParams());
        List<String[]> query = encoded(target.query());
        List<String[]> form = encoded(target.form());
        Map<String, Object> json = target.json() == null ? null : deepCopy(target.json());
        String method = target.method();
        String contentType = json != null ? "application/json"
                : method.equals("POST") ? "application/x-www-form-urlencoded" : null;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", target.kind().equals("api") ? "application/json" : "text/html");
        if (target.kind().equals("api")) {
            headers.put("Idempotency-Key", "fuzz-" + random.nextInt(1_000_000));
        }
        Map<String, String> cookieJar = new LinkedHashMap<>(target.staff() || target.kind().equals("page")
                ? cookies : Map.of());
        String rawBody = null;
        String pathOverride = null;

        Evil evil = EVIL.get(random.nextInt(EVIL.size()));
        int choice = random.nextInt(100);
        List<String[]> params = !form.isEmpty() ? form : query;
        if (choice < 45) {
            // One value made hostile: a parameter, a field, a JSON field or a path segment.
            List<String> slots = new ArrayList<>();
            pathParams.keySet().forEach(p -> slots.add("path:" + p));
            for (int i = 0; i < query.size(); i++) {
                slots.add("query:" + i);
            }
            for (int i = 0; i < form.size(); i++) {
                slots.add("form:" + i);
            }
            if (json != null) {
                leaves(json, "", slots);
            }
            if (slots.isEmpty()) {
                query.add(new String[] {"q", evil.encoded()});
                mutation.append("extra query q=").append(evil.name());
            } else {
                String slot = slots.get(random.nextInt(slots.size()));
                String where = slot.substring(slot.indexOf(':') + 1);
                mutation.append(slot.startsWith("query:") ? "query " + query.get(Integer.parseInt(where))[0]
                        : slot.startsWith("form:") ? "form " + form.get(Integer.parseInt(where))[0] : slot)
                        .append("=").append(evil.name());
                switch (slot.substring(0, slot.indexOf(':'))) {
                    case "path" -> pathParams.put(where, evil.name().equals("megabyte") ? "A".repeat(5000)
                            : evil.encoded().replace("%2F", "%252F"));
                    case "query" -> query.get(Integer.parseInt(where))[1] = evil.name().equals("megabyte")
                            ? "A".repeat(20_000) : evil.encoded();
                    case "form" -> form.get(Integer.parseInt(where))[1] = evil.encoded();
                    default -> setLeaf(json, where, evil.json());
                }
            }
        } else if (choice < 52 && !params.isEmpty()) {
            String[] dropped = params.remove(random.nextInt(params.size()));
            mutation.append("missing ").append(dropped[0]);
        } else if (choice < 59 && !params.isEmpty()) {
            String[] twice = params.get(random.nextInt(params.size()));
            params.add(new String[] {twice[0], evil.encoded()});
            mutation.append("duplicate ").append(twice[0]).append("=").append(evil.name());
        } else if (choice < 64 && json != null) {
            String kind = List.of("broken", "empty", "array", "null", "string", "duplicate-key", "deep", "missing",
                    "trailing").get(random.nextInt(9));
            mutation.append("json ").append(kind);
            String whole = renderJson(json);
            rawBody = switch (kind) {
                case "broken" -> whole.substring(0, whole.length() / 2);
                case "empty" -> "";
                case "array" -> "[" + whole + "]";
                case "null" -> "null";
                case "string" -> "\"" + evil.name() + "\"";
                case "duplicate-key" -> "{\"" + json.keySet().stream().findFirst().orElse("a") + "\": " + evil.json()
                        + ", " + whole.substring(1);
                case "deep" -> "[".repeat(5000) + "]".repeat(5000);
                case "missing" -> "{}";
                default -> whole + " trailing";
            };
        } else if (choice < 71) {
            contentType = MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size()));
            mutation.append("Content-Type: ").append(contentType);
        } else if (choice < 77) {
            String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
            headers.put("Accept", accept);
            mutation.append("Accept: ").append(accept);
        } else if (choice < 81) {
            String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            headers.put("Accept-Language", language);
            mutation.append("Accept-Language: ").append(abbreviate(language));
        } else if (choice < 91) {
            String name = List.of("Idempotency-Key", "Altcha", "X-Forwarded-For", "Referer", "Host", "Origin",
                    "If-Modified-Since", "Range").get(random.nextInt(8));
            String value = switch (name) {
                case "Referer" -> List.of("http://[::1", "::::", "http://localhost:" + port + "/%zz",
                        "javascript:alert(1)", "http://localhost:" + port + "/" + evil.header()).get(random.nextInt(5));
                case "Host" -> List.of("", "evil.example", "localhost:99999", "[::1", "a b", evil.header())
                        .get(random.nextInt(6));
                case "X-Forwarded-For" -> List.of("garbage", "1.1.1.1, 2.2.2.2", "999.999.999.999", "::ffff:1.2.3.4",
                        evil.header()).get(random.nextInt(5));
                case "Altcha" -> List.of("garbage", "eyJ9", "eyJhbGdvcml0aG0iOiJ4In0=", evil.header())
                        .get(random.nextInt(4));
                default -> evil.header();
            };
            headers.put(name, value);
            mutation.append("header ").append(name).append("=").append(name.equals("Host") || name.equals("Referer")
                    || name.equals("X-Forwarded-For") || name.equals("Altcha") ? abbreviate(value) : evil.name());
        } else if (choice < 97) {
            String name = List.of("SESSION", "XSRF-TOKEN", "temujanji-lang").get(random.nextInt(3));
            String value = List.of("garbage", "%00", "bm90LWEtc2Vzc2lvbg==", "en_US_POSIX_x", "xx", evil.header())
                    .get(random.nextInt(6));
            cookieJar.put(name, value);
            mutation.append("cookie ").append(name);
        } else if (choice < 99) {
            method = METHODS.get(random.nextInt(METHODS.size()));
            mutation.append("method ").append(method);
        } else {
            pathOverride = List.of("/%", "/%zz", "/%ED%A0%80", "/%00", "/..%2F..%2F", "/a;jsessionid=x",
                    "//" + "a".repeat(100)).get(random.nextInt(7));
            mutation.append("path suffix ").append(pathOverride);
        }

        String path = target.path();
        Matcher matcher = PATH_PARAM.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = pathParams.getOrDefault(matcher.group(1), "x");
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value.matches("[A-Za-z0-9%._~:-]*")
                    ? value : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        matcher.appendTail(filled);
        path = filled + (pathOverride == null ? "" : pathOverride);
        String target0 = query.isEmpty() ? path : path + "?" + join(query);
        byte[] body = rawBody != null ? rawBody.getBytes(StandardCharsets.UTF_8)
                : json != null ? renderJson(json).getBytes(StandardCharsets.UTF_8)
                : !form.isEmpty() || method.equals("POST") ? join(form).getBytes(StandardCharsets.ISO_8859_1)
                : new byte[0];
        List<String[]> lines = new ArrayList<>();
        headers.forEach((name, value) -> lines.add(new String[] {name, value}));
        if (contentType != null && body.length > 0) {
            lines.add(new String[] {"Content-Type", contentType});
        }
        if (!cookieJar.isEmpty()) {
            lines.add(new String[] {"Cookie", cookieJar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))});
        }
        return new RawHttp.Request(method, target0, lines, body);
    }

    private static List<String[]> encoded(List<Map.Entry<String, String>> params) {
        List<String[]> list = new ArrayList<>();
        params.forEach(p -> list.add(new String[] {URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8),
                URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)}));
        return list;
    }

    private static String join(List<String[]> params) {
        return params.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> json) {
        Map<String, Object> copy = new LinkedHashMap<>();
        json.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void leaves(Map<String, Object> json, String prefix, List<String> slots) {
        json.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                leaves((Map<String, Object>) m, prefix + k + ".", slots);
            } else {
                slots.add("json:" + prefix + k);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void setLeaf(Map<String, Object> json, String path, String literal) {
        String[] parts = path.split("\\.", 2);
        if (parts.length == 1) {
            json.put(parts[0], literal);
        } else {
            setLeaf((Map<String, Object>) json.get(parts[0]), parts[1], literal);
        }
    }

    @SuppressWarnings("unchecked")
    private static String renderJson(Map<String, Object> json) {
        return json.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof Map<?, ?> m
                        ? renderJson((Map<String, Object>) m) : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    // --- plumbing --------------------------------------------------------------------------------

    /** A request as the signed-in browser sends it, keeping the cookies it is given. */
    private static RawHttp.Response exchange(RawHttp raw, Map<String, String> cookies, String method, String target,
            String formBody) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Accept", "text/html"});
        if (!cookies.isEmpty()) {
            headers.add(new String[] {"Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))});
        }
        if (formBody != null) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        RawHttp.Response response = raw.send(new RawHttp.Request(method, target, headers,
                formBody == null ? null : formBody.getBytes(StandardCharsets.ISO_8859_1)));
        for (String setCookie : response.headers().getOrDefault("set-cookie", List.of())) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else if (!name.equals("temujanji-lang")) {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String csrfToken(String page) {
        Element field = Jsoup.parse(page).selectFirst("input[name=_csrf]");
        assertThat(field).isNotNull();
        return field.attr("value");
    }

    private static String formBody(List<Map.Entry<String, String>> fields) {
        return join(encoded(fields));
    }

    private static String sameSite(String href) {
        if (href == null) {
            return null;
        }
        String path = href.replaceFirst("^http://localhost:\\d+", "");
        path = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        return path.startsWith("/") && !path.startsWith("//") ? path : null;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String abbreviate(String text) {
        String printable = text.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\x%02x", c)
                : String.valueOf((char) c)).collect(Collectors.joining());
        return printable.length() > 160 ? printable.substring(0, 160) + "..." : printable;
    }
}
