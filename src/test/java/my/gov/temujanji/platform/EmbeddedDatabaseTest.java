package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void dataWrittenToTheEmbeddedDatabaseSurvivesARestart() throws Exception {
        String url = start();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            // The product's own data is durable by default: a confirmed booking is on disk when told.
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet shown = s.executeQuery("SHOW " + setting)) {
                    shown.next();
                    assertThat(shown.getString(1)).as(setting).isEqualTo("on");
                }
            }
            s.execute("CREATE TABLE kept (note text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        EmbeddedDatabase.stop(folder);

        String again = start();
        try (Connection c = DriverManager.getConnection(again, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            EmbeddedDatabase.stop(folder);
        }
    }

    @Test
    void aConfiguredDatasourceIsUsedAsItIsAndNoEmbeddedServerStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/temujanji?password=secret");
        new EmbeddedDatabase(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("temujanji.embedded-database.active")).isNull();
        assertThat(EmbeddedDatabase.withoutCredentials(environment.getProperty("spring.datasource.url")))
                .isEqualTo("jdbc:postgresql://db.example:5432/temujanji?password=***");
    }

    private String start() {
        MockEnvironment environment = new MockEnvironment().withProperty(EmbeddedDatabase.DIR_PROPERTY, folder.toString());
        new EmbeddedDatabase(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("temujanji.embedded-database.active")).isEqualTo("true");
        return environment.getProperty("spring.datasource.url");
    }
}
