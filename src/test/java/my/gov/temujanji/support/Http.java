package my.gov.temujanji.support;

import java.io.IOException;
import java.net.CookieManager;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against a running node, the way a client of the API or a browser without JavaScript sees
 * it. Each instance is one browser: it keeps the cookies it is given (the CSRF cookie, a staff session)
 * and the CSRF token of the last page with a form, and sends both with every form POST, as a browser
 * submitting that page's form would. The language cookie is not kept: each request says its language
 * ({@code ?lang=}, {@code Accept-Language}), so tests read the same without remembering earlier ones.
 */
public class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** The page a client opens to get a CSRF token when it has seen no form yet: open to everyone. */
    public static final String PAGE_WITH_A_FORM = "/staff/login";

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient client;
    private final AtomicReference<String> csrfToken;

    public Http(int port) {
        this(port, new CookieManager(null, (uri, cookie) -> !"temujanji-lang".equals(cookie.getName())),
                new AtomicReference<>());
    }

    private Http(int port, CookieManager cookies, AtomicReference<String> csrfToken) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.csrfToken = csrfToken;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies).build();
    }

    /** The same browser talking to another node (behind a load balancer): same cookies, same token. */
    public Http onNode(int otherPort) {
        return new Http(otherPort, cookies, csrfToken);
    }

    /** Signs in at the staff login page as a browser does; answers the login POST (303/302 on success). */
    public Response login(String username, String password) {
        get(PAGE_WITH_A_FORM);
        return postForm("/staff/login/attempt", Map.of("username", username, "password", password));
    }

    /** Signs in a test account (see {@link StaffFixture}) and fails unless the login succeeded. */
    public Http loginAs(StaffFixture.Account account) {
        Response response = login(account.username(), account.password());
        String location = response.header("Location");
        if (response.status() != 302 || location == null || location.contains("/staff/login")) {
            throw new AssertionError("Login of " + account.username() + " failed: " + response.status() + " "
                    + location);
        }
        return this;
    }

    /** The CSRF token of the last page with a form, opening {@link #PAGE_WITH_A_FORM} when there was none. */
    public String csrfToken() {
        if (csrfToken.get() == null) {
            get(PAGE_WITH_A_FORM);
        }
        return csrfToken.get();
    }

    public boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals(name));
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response postJson(String path, Object body, String... headers) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /**
     * A form POST as a browser sends it ({@code application/x-www-form-urlencoded}), with the CSRF token
     * of the last page with a form; redirects are not followed.
     */
    public Response postForm(String path, Map<String, String> form, String... headers) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrfToken());
        return postFormWithoutToken(path, withToken, headers);
    }

    /** A form POST carrying no CSRF token (unless {@code form} has one): what a forged request looks like. */
    public Response postFormWithoutToken(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** A file as a browser downloads it (a PDF, a calendar file): its bytes, status and headers. */
    public HttpResponse<byte[]> download(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF_FIELD.matcher(response.body());
        if (token.find()) {
            csrfToken.set(token.group(1));
        }
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
