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
 * @param lease how long a claim of a message lasts unless renewed: twice the longest one step of an SMTP
 *     exchange may stall (spring.mail's read and write timeouts, 10 s), so a renewal missed once loses
 *     nothing, and short enough that a dead node's claims are taken over and sent within 30 s
 * @param leaseRenewal how often a node renews the lease of the message it is sending: well within the lease
 */
@ConfigurationProperties("temujanji.notification")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Temujanji Imigresen <no-reply@temujanji.local>") String from,
        @DefaultValue("09:00") LocalTime reminderTime,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("20s") Duration lease,
        @DefaultValue("5s") Duration leaseRenewal) {
}
