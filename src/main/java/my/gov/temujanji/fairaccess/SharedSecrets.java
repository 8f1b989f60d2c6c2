package my.gov.temujanji.fairaccess;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys every node must share, made once by whichever node first needs one and kept in PostgreSQL, so
 * that nothing has to be configured for several nodes to agree. A key never changes once made, so a
 * node may keep the value it read.
 */
@Component
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Map<String, String> read = new ConcurrentHashMap<>();

    SharedSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The base64 key of this name, made now if no node has made it yet. */
    public String get(String name) {
        return read.computeIfAbsent(name, this::load);
    }

    private String load(String name) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.sql("INSERT INTO fair_access_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .param("name", name).param("value", Base64.getEncoder().encodeToString(key)).update();
        return jdbc.sql("SELECT value FROM fair_access_secret WHERE name = :name").param("name", name)
                .query(String.class).single();
    }
}
