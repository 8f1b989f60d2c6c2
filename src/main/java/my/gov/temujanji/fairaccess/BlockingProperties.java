package my.gov.temujanji.fairaccess;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The automatic block: a document with {@code missedAppointments} missed appointments whose days lie
 * within {@code window} days cannot book for {@code period} days after the day of the last of them.
 * Missed: a no-show, a late arrival (LATE), or a cancellation by the applicant less than
 * {@code lateCancellation} before the slot.
 *
 * @param missedAppointments K, how many missed appointments block; 0 turns the automatic block off
 * @param window             M, in days
 * @param period             how many days the block lasts after the day of the K-th missed appointment
 * @param lateCancellation   a cancellation this close to the slot's time counts as missed
 */
@ConfigurationProperties("temujanji.blocking")
public record BlockingProperties(@DefaultValue("3") int missedAppointments, @DefaultValue("90") int window,
        @DefaultValue("30") int period, @DefaultValue("24h") Duration lateCancellation) {
}
