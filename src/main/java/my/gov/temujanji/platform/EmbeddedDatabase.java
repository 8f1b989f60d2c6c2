package my.gov.temujanji.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Starts an embedded PostgreSQL when no datasource is configured, so that one command runs the
 * whole product on a fresh machine. Its data lives in a folder ({@code temujanji.embedded-database.dir},
 * default {@code ./data/postgres}) and survives restarts. One server per JVM: tests that start several
 * application contexts share it.
 */
public class EmbeddedDatabase implements EnvironmentPostProcessor, Ordered {

    static final String DIR_PROPERTY = "temujanji.embedded-database.dir";
    static final String CLEAN_PROPERTY = "temujanji.embedded-database.clean-on-start";
    static final String PORT_PROPERTY = "temujanji.embedded-database.port";
    static final String DURABLE_PROPERTY = "temujanji.embedded-database.durable";
    /** Set by this class, never by hand: true when the datasource is the embedded server, false otherwise. */
    static final String ACTIVE_PROPERTY = "temujanji.embedded-database.active";

    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private final Log log;

    public EmbeddedDatabase(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabase.class);
    }

    @Override
    public int getOrder() {
        // After application.properties and profiles have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configuredUrl = environment.getProperty("spring.datasource.url");
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            // Another node in this JVM (a test's second node) may point at the embedded server by its URL.
            boolean embedded = runningAt(configuredUrl);
            environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres",
                    Map.of(ACTIVE_PROPERTY, String.valueOf(embedded))));
            if (!embedded && environment.getProperty("spring.mail.host", "").isBlank()) {
                throw new IllegalStateException("E-mail is not configured. With an external database (spring.datasource.url) "
                        + "the product sends e-mail through SMTP only: set SPRING_MAIL_HOST (spring.mail.host, with "
                        + "spring.mail.port, spring.mail.username and spring.mail.password as your server needs). The "
                        + "developer mailbox (/dev/mailbox) exists only with the embedded database.");
            }
            log.info("Database: " + (embedded ? "the embedded PostgreSQL of this JVM" : "external PostgreSQL") + " at "
                    + withoutCredentials(configuredUrl));
            return;
        }
        Path dir = Path.of(environment.getProperty(DIR_PROPERTY, "data/postgres")).toAbsolutePath().normalize();
        boolean clean = environment.getProperty(CLEAN_PROPERTY, Boolean.class, false);
        int port = environment.getProperty(PORT_PROPERTY, Integer.class, 0);
        boolean durable = environment.getProperty(DURABLE_PROPERTY, Boolean.class, true);
        EmbeddedPostgres postgres = start(dir, clean, port, durable);
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                ACTIVE_PROPERTY, "true");
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
        log.info("Database: embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dir
                + (durable ? "" : " (not durable: fsync and synchronous commit off)"));
    }

    private static synchronized EmbeddedPostgres start(Path dir, boolean clean, int port, boolean durable) {
        return RUNNING.computeIfAbsent(dir, d -> {
            try {
                if (clean) {
                    FileSystemUtils.deleteRecursively(d);
                }
                Files.createDirectories(d);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(d)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false) // stopped by the handler below, once Spring is done
                        .setPort(port)
                        // The library gives up after 10 s; a durable start right after heavy writes (a CI
                        // run's tests) waits that long for the disk's flush and failed there.
                        .setPGStartupWait(Duration.ofMinutes(2))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("timezone", BranchTime.ZONE.getId())
                        // The library starts PostgreSQL for throwaway test data (fsync and synchronous
                        // commit off); the product's data in the folder must survive a power cut, so a
                        // confirmed booking is on disk before the applicant is told. Tests turn it off.
                        .setServerConfig("fsync", String.valueOf(durable))
                        .setServerConfig("synchronous_commit", durable ? "on" : "off")
                        .setServerConfig("full_page_writes", String.valueOf(durable))
                        .start();
                // Spring Boot runs its shutdown handlers after it has closed every context (the web server's
                // graceful shutdown, the jobs, the connection pool); a JVM shutdown hook of our own would run
                // alongside them and stop the database under requests still being answered.
                SpringApplication.getShutdownHandlers().add(() -> closeQuietly(postgres));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + d, e);
            }
        });
    }

    private static synchronized boolean runningAt(String url) {
        return RUNNING.values().stream().anyMatch(postgres -> postgres.getJdbcUrl("postgres", "postgres").equals(url));
    }

    /** Stops the server of a folder, as a restart of the product would. */
    static synchronized void stop(Path dir) {
        EmbeddedPostgres postgres = RUNNING.remove(dir.toAbsolutePath().normalize());
        if (postgres != null) {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going away; nothing left to tell
        }
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//");
    }
}
