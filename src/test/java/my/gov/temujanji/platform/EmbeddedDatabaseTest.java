package my.gov.temujanji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/temujanji?password=secret")
                .withProperty("spring.mail.host", "smtp.example");
        new EmbeddedDatabase(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());

        // Marked, whatever was set by hand: the developer mailbox never exists with an external database.
        assertThat(environment.getProperty("temujanji.embedded-database.active")).isEqualTo("false");
        assertThat(EmbeddedDatabase.withoutCredentials(environment.getProperty("spring.datasource.url")))
                .isEqualTo("jdbc:postgresql://db.example:5432/temujanji?password=***");
    }

    @Test
    void anExternalDatabaseWithoutSmtpSettingsRefusesToStart() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/temujanji")
                .withProperty("temujanji.embedded-database.active", "true");

        assertThatThrownBy(() -> new EmbeddedDatabase(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("E-mail is not configured. With an external database (spring.datasource.url) "
                        + "the product sends e-mail through SMTP only: set SPRING_MAIL_HOST");
    }

    @Test
    void aNodeGivenTheUrlOfTheEmbeddedServerOfThisJvmKnowsItIsEmbedded() {
        String url = start();
        try {
            MockEnvironment second = new MockEnvironment().withProperty("spring.datasource.url", url);
            new EmbeddedDatabase(new DeferredLogs()).postProcessEnvironment(second, new SpringApplication());
            assertThat(second.getProperty("temujanji.embedded-database.active")).isEqualTo("true");
            assertThat(second.getProperty("spring.datasource.url")).isEqualTo(url);
        } finally {
            EmbeddedDatabase.stop(folder);
        }
    }

    private String start() {
        MockEnvironment environment = new MockEnvironment().withProperty(EmbeddedDatabase.DIR_PROPERTY, folder.toString());
        new EmbeddedDatabase(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("temujanji.embedded-database.active")).isEqualTo("true");
        return environment.getProperty("spring.datasource.url");
    }
}
