package my.gov.temujanji.fairaccess;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys every node must share, made once by whichever node first needs one and kept in PostgreSQL, so
 * that nothing has to be configured for several nodes to agree. A key never changes once made, so a
 * node may keep the value it read. It is made and read in a transaction of its own: a key first asked
 * for inside a booking that then rolls back must not stay in this node's memory only.
 */
@Component
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<String, String> read = new ConcurrentHashMap<>();

    SharedSecrets(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The base64 key of this name, made now if no node has made it yet. */
    public String get(String name) {
        return read.computeIfAbsent(name, n -> ownTransaction.execute(status -> load(n)));
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
