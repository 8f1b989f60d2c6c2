package my.gov.temujanji.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the sample-data loaders of each capability share: the switch, their order, reading the YAML
 * files under {@code demo/}, and one database-wide lock so that nodes starting together load once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DemoData {

    public static final String ENABLED_PROPERTY = "temujanji.demo-data.enabled";
    public static final int CATALOGUE_ORDER = 10;
    public static final int SCHEDULE_ORDER = 20;

    private static final long LOCK_KEY = 0x7465_6d75_6a61_6e6aL; // "temujanj"

    private final JdbcClient jdbc;
    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Holds a transaction-scoped advisory lock (call inside the loader's transaction), then says whether
     * the loader's {@code table} is still empty: a loader loads once, on the first start of any node.
     */
    public boolean lockWhileEmpty(String table) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")").query(Boolean.class).single();
    }

    public <T> T read(String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return yaml.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
