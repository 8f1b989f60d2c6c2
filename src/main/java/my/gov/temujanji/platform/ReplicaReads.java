package my.gov.temujanji.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the answers that only inform (the days and slots shown to applicants) are read: the replicas
 * when {@code temujanji.datasource.replica.url} is set (for a Patroni cluster, a multi-host URL with
 * {@code targetServerType=preferSecondary}), else the primary. Nothing that decides reads here: holds,
 * bookings, confirmations and the counter use the primary's {@link JdbcClient}, so a replica's lag can
 * show a place as free that a booking then refuses, never give one twice.
 *
 * <p>Its pool is no bean of type {@link DataSource}, so Spring Boot keeps configuring the primary's.
 */
@Component
public class ReplicaReads implements DisposableBean {

    private final HikariDataSource replicas;
    private final JdbcClient jdbc;

    ReplicaReads(JdbcClient primary, @Value("${temujanji.datasource.replica.url:}") String url,
            @Value("${temujanji.datasource.replica.username:${spring.datasource.username:}}") String username,
            @Value("${temujanji.datasource.replica.password:${spring.datasource.password:}}") String password,
            @Value("${temujanji.datasource.replica.maximum-pool-size:8}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeout) {
        if (url.isBlank()) {
            this.replicas = null;
            this.jdbc = primary;
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("replicas");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout);
        config.setMaxLifetime(Duration.ofMinutes(5).toMillis());
        config.setReadOnly(true);
        // The app starts even when no replica answers yet: the first read then waits connection-timeout.
        config.setInitializationFailTimeout(-1);
        this.replicas = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(replicas);
    }

    /** The client for reads that only inform. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        if (replicas != null) {
            replicas.close();
        }
    }
}
