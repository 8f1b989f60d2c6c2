package my.gov.temujanji.notification;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where applicants reach the site: the links in e-mails start with it
 * @param from the sender of every e-mail
 * @param reminderTime when, on the day before, reminders go out (branch time)
 * @param maxAttempts after this many failed tries a message is marked FAILED
 * @param lease how long a claim of a message lasts unless renewed: longer than one SMTP exchange may stall
 *     (spring.mail's connection, read and write timeouts, 5 + 10 + 10 s, plus margin), short enough that
 *     the claims of a node that died are taken over within seconds
 * @param leaseRenewal how often a node renews the lease of the message it is sending: well within the lease
 */
@ConfigurationProperties("temujanji.notification")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Temujanji Imigresen <no-reply@temujanji.local>") String from,
        @DefaultValue("09:00") LocalTime reminderTime,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration leaseRenewal) {
}
