package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that send their request bodies a byte at a time do not take a node offline: the node, which
 * has 12 request threads, keeps answering ordinary requests while four times as many trickle bodies,
 * and a body that takes longer than the limit is refused with 408. The control is a node that reads
 * bodies on its request threads, as Tomcat does by itself: there the ordinary requests wait.
 */
@IntegrationTest
@TestPropertySource(properties = "temujanji.http.request-body.timeout=4s")
class SlowClientTest {

    private static final int SLOW_CLIENTS = 48;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void ordinaryRequestsAreAnsweredWhileManyClientsTrickleTheirBodies() throws Exception {
        try (Trickle slow = new Trickle(port, SLOW_CLIENTS)) {
            slow.awaitStarted();
            for (int i = 0; i < 20; i++) {
                assertThat(get(port, "/api/v1/departments", Duration.ofSeconds(2))).isEqualTo(200);
            }
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/appointments/NOSUCH/cancel"))
                    .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"documentNumber\":\"A1234567\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aBodyThatTakesTooLongIsRefusedWith408AndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/holds HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept-Language: en\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("Connection: close")
                    .contains("\"code\":\"REQUEST_TIMEOUT\"").contains("Request too slow");
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /appointments/manage HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000\r\n\r\nreference=")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("Permintaan terlalu besar");
        }
    }

    @Test
    void aChunkedBodyIsReadInFullAndHandedOn() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            String json = "{\"documentNumber\":\"A1234567\"}";
            out.write(("POST /api/v1/appointments/NOSUCH/cancel HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(5) + "\r\n" + json.substring(0, 5) + "\r\n"
                    + Integer.toHexString(json.length() - 5) + "\r\n" + json.substring(5) + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 404").contains("\"code\":\"APPOINTMENT_NOT_FOUND\"");
        }
    }

    @Test
    void aBodyWhoseRestComesLaterIsReadInFullAndHandedOn() throws Exception {
        String json = "{\"documentNumber\":\"A1234567\"}";
        for (int split : new int[] {1, json.length() / 2, json.length() - 1}) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(5_000);
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/appointments/NOSUCH/cancel HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n"
                        + json.substring(0, split)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                out.write(json.substring(split).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as("split at %d", split).startsWith("HTTP/1.1 404")
                        .contains("\"code\":\"APPOINTMENT_NOT_FOUND\"");
            }
        }
    }

    @Test
    void controlANodeThatReadsBodiesOnItsRequestThreadsStopsAnswering() throws Exception {
        try (SecondNode control = SecondNode.startBeside(environment,
                List.of("temujanji.http.request-body.read-first=false"));
                Trickle slow = new Trickle(control.port(), SLOW_CLIENTS)) {
            slow.awaitStarted();
            assertThat(get(control.port(), "/api/v1/departments", Duration.ofSeconds(3))).isEqualTo(-1);
        }
    }

    /** The status of a GET, or -1 when no answer came in time. */
    private int get(int onPort, String path, Duration timeout) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException timedOut) {
            return -1;
        }
    }

    /** Clients that each POST a 1,000-byte body one byte a second. */
    private static final class Trickle implements AutoCloseable {

        private final List<Socket> sockets = new ArrayList<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

        Trickle(int port, int clients) throws IOException {
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /api/v1/holds HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            ticker.scheduleAtFixedRate(() -> sockets.forEach(Trickle::oneByte), 1, 1, TimeUnit.SECONDS);
        }

        /** Gives the node time to take every connection in and start reading its body. */
        void awaitStarted() throws InterruptedException {
            Thread.sleep(1500);
        }

        private static void oneByte(Socket socket) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(' ');
                out.flush();
            } catch (IOException refused) {
                // the node refused this client: what it should do with one this slow
            }
        }

        @Override
        public void close() throws IOException {
            ticker.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
