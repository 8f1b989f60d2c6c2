package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class SharedSecretsTest {

    @Autowired
    SharedSecrets secrets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aKeyFirstAskedForInATransactionThatRollsBackIsTheOneEveryNodeUses() {
        String[] inside = new String[1];
        new TransactionTemplate(transactions).executeWithoutResult(booking -> {
            inside[0] = secrets.get("test-key-rolled-back");
            booking.setRollbackOnly();
        });

        // Another node, which has read nothing yet, finds the same key in PostgreSQL.
        SharedSecrets otherNode = new SharedSecrets(jdbc, transactions);
        assertThat(otherNode.get("test-key-rolled-back")).isEqualTo(inside[0]);
        assertThat(jdbc.sql("SELECT value FROM fair_access_secret WHERE name = 'test-key-rolled-back'")
                .query(String.class).single()).isEqualTo(inside[0]);
        assertThat(secrets.get("test-key-rolled-back")).isEqualTo(inside[0]);
    }
}
