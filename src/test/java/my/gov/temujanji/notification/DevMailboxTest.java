package my.gov.temujanji.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.StaticMessageSource;

/** The developer mailbox exists only with the embedded database and without SMTP settings. */
class DevMailboxTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(Outbox.class, () -> new Outbox(null))
            .withBean(MailComposer.class, () -> new MailComposer(new StaticMessageSource(), null, null, null, null, null, null, null, null))
            .withUserConfiguration(DevMailbox.class);

    @Test
    void withTheEmbeddedDatabaseAndNoSmtpSettings() {
        runner.withPropertyValues("temujanji.embedded-database.active=true")
                .run(context -> assertThat(context).hasSingleBean(DevMailbox.class));
    }

    @Test
    void neverWithAnExternalDatabaseNorWithSmtpSettings() {
        runner.withPropertyValues("temujanji.embedded-database.active=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DevMailbox.class));
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DevMailbox.class));
        runner.withPropertyValues("temujanji.embedded-database.active=true", "spring.mail.host=smtp.example")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DevMailbox.class));
    }
}
