package my.gov.temujanji.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for one test class, on a port that was free when the class loaded, so
 * that no two classes in the JVM share one. Stopped and started again it plays an outage: it comes back
 * on the same port, where the application still sends.
 */
public final class SmtpServer {

    private final int port;
    private GreenMail greenMail;

    private SmtpServer(int port) {
        this.port = port;
    }

    /** A server already listening. */
    public static SmtpServer started() {
        SmtpServer server = new SmtpServer(freePort());
        server.start();
        return server;
    }

    /** Points the application's mail sender here: call it from the class's {@code @DynamicPropertySource}. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> port);
    }

    public void start() {
        greenMail = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public void stop() {
        greenMail.stop();
    }

    /** Forgets what was received so far. */
    public void reset() {
        greenMail.reset();
    }

    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
