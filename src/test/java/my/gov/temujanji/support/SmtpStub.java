package my.gov.temujanji.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An SMTP server that misbehaves the way real ones do: {@link #slow} takes its time over every message
 * (it answers the end of the message's data only after the delay), {@link #silent} accepts connections
 * and never says a word, {@link #onePerConnection} hangs up after each message, as servers with a limit
 * of messages per connection or a short idle timeout do. It keeps the Message-ID and recipient of each
 * message it accepted.
 */
public final class SmtpStub implements AutoCloseable {

    /** One message as the server accepted it. */
    public record Received(String messageId, String recipient) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    private final ServerSocket server;
    private final Duration delay;
    private final boolean silent;
    private final boolean hangsUp;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private SmtpStub(Duration delay, boolean silent, boolean hangsUp) {
        this.delay = delay;
        this.silent = silent;
        this.hangsUp = hangsUp;
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers each message's data {@code delay} after it ends, as a busy server does. */
    public static SmtpStub slow(Duration delay) {
        return new SmtpStub(delay, false, false);
    }

    /** Accepts one message per connection, then closes it without a word. */
    public static SmtpStub onePerConnection() {
        return new SmtpStub(Duration.ZERO, false, true);
    }

    /** Accepts connections and never answers. */
    public static SmtpStub silent() {
        return new SmtpStub(Duration.ZERO, true, false);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Points the application's mail sender here (from a {@code @DynamicPropertySource}). */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", this::port);
    }

    /** The properties that point a {@link SecondNode} here. */
    public List<String> properties() {
        return List.of("spring.mail.host=localhost", "spring.mail.port=" + port());
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                connections.add(socket);
                if (!silent) {
                    Thread session = new Thread(() -> converse(socket), "smtp-stub-session");
                    session.setDaemon(true);
                    session.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 stub ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 stub");
                } else if (command.startsWith("RCPT TO:")) {
                    recipient = line.substring(8).trim().replaceAll("[<>]", "");
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go on");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line).append('\n');
                    }
                    Thread.sleep(delay.toMillis());
                    Matcher id = MESSAGE_ID.matcher(data);
                    received.add(new Received(id.find() ? id.group(1) : null, recipient));
                    reply(out, "250 queued");
                    if (hangsUp) {
                        return;
                    }
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK"); // MAIL FROM, RSET, NOOP
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to record
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : connections) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
