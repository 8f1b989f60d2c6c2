package my.gov.temujanji.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.slip.CalendarFile;
import my.gov.temujanji.slip.SlipPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. A message is claimed with a lease, sent outside any transaction, then
 * marked sent; a failure is kept with the message and tried again later (30 s, 1 min, 2 min ... up to
 * an hour), so an SMTP outage delays e-mail and loses none.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 50;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final Outbox outbox;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MailComposer composer;
    private final SlipPdf pdf;
    private final CalendarFile calendar;

    OutboxWorker(Outbox outbox, MailTransport transport, NotificationProperties properties, Clock clock,
            MailComposer composer, SlipPdf pdf, CalendarFile calendar) {
        this.composer = composer;
        this.pdf = pdf;
        this.calendar = calendar;
        this.outbox = outbox;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends one batch of the messages due now (confirmation codes first); returns how many were sent.
     * A batch a second per node keeps up with a rush's codes (a thousand within half a minute on two
     * nodes) without taking the processors from the bookings themselves.
     */
    @Scheduled(fixedDelayString = "${temujanji.notification.send-interval:1s}")
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (OutboxMessage message : outbox.claimDue(now, now.plus(properties.lease()), BATCH)) {
            sent += send(message) ? 1 : 0;
        }
        return sent;
    }

    private boolean send(OutboxMessage message) {
        try {
            MailComposer.Composed mail = composer.compose(message);
            transport.send(mail, attachments(mail));
            outbox.markSent(message.id(), clock.instant());
            return true;
        } catch (Exception e) {
            Duration wait = backoff(message.attempts());
            log.warn("Could not send message {} (try {}): {}", message.id(), message.attempts(), e.toString());
            outbox.markFailed(message.id(), e.toString(), clock.instant().plus(wait), properties.maxAttempts());
            return false;
        }
    }

    /** The PDF slip and the calendar file, made from the appointment as it is when the message is sent. */
    private List<MailTransport.Attachment> attachments(MailComposer.Composed mail) {
        if (!mail.kind().withSlip) {
            return List.of();
        }
        Appointment appointment = mail.appointment();
        Locale locale = Locale.forLanguageTag(appointment.language());
        return List.of(
                new MailTransport.Attachment(slipFilename(appointment), "application/pdf",
                        pdf.render(appointment, locale)),
                new MailTransport.Attachment(calendarFilename(appointment),
                        "text/calendar; charset=UTF-8; method=PUBLISH", calendar.ics(appointment, locale)));
    }

    static String slipFilename(Appointment appointment) {
        return "slip-" + appointment.reference() + ".pdf";
    }

    static String calendarFilename(Appointment appointment) {
        return "temujanji-" + appointment.reference() + ".ics";
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }
}
