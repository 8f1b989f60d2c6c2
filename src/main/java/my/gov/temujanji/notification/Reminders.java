package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * From the configured time on the day before, reminds each applicant of tomorrow's appointment:
 * claimed and written to the outbox in one transaction, so each gets one, with any number of nodes.
 */
@Component
@RequiredArgsConstructor
class Reminders {

    private final Booking booking;
    private final AppointmentMails mails;
    private final NotificationProperties properties;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${temujanji.notification.reminder-interval:1m}")
    @Transactional
    public int remind() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.toLocalTime().isBefore(properties.reminderTime())) {
            return 0;
        }
        List<Appointment> due = booking.claimReminders(now.toLocalDate().plusDays(1));
        due.forEach(appointment -> mails.enqueue(MailKind.REMINDER, appointment, null));
        return due.size();
    }
}
