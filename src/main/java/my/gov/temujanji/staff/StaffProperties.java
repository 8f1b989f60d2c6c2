package my.gov.temujanji.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code temujanji.staff.*}: login throttling and the first system administrator of a production
 * database (the embedded default creates one itself, see StaffBootstrap).
 *
 * @param login          after {@code maxFailures} failed logins within {@code failureWindow}, the account
 *                       is refused for {@code lockDuration}
 * @param bootstrapAdmin with an external database: the system administrator created at start when there
 *                       is none; {@code passwordHash} in Spring's {@code {id}hash} form, e.g. {@code {bcrypt}$2y$12$...}
 */
@ConfigurationProperties("temujanji.staff")
record StaffProperties(Login login, BootstrapAdmin bootstrapAdmin) {

    StaffProperties {
        login = login != null ? login : new Login(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
        bootstrapAdmin = bootstrapAdmin != null ? bootstrapAdmin : new BootstrapAdmin(null, null);
    }

    record Login(int maxFailures, Duration failureWindow, Duration lockDuration) {
    }

    record BootstrapAdmin(String username, String passwordHash) {

        boolean configured() {
            return username != null && !username.isBlank() && passwordHash != null && !passwordHash.isBlank();
        }
    }
}
