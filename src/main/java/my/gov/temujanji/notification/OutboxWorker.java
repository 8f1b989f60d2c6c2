package my.gov.temujanji.notification;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.slip.CalendarFile;
import my.gov.temujanji.slip.SlipPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, each message once as far as SMTP allows. A message is claimed alone with
 * a short lease that is ours (a token), the lease is renewed while the message is sent outside any
 * transaction, and the message is settled only with our token: a node that stalled past its lease
 * finds the message taken over and changes nothing, and the claims of a node that died run out within
 * seconds. Every message carries a Message-ID of its own outbox row, so a resend after a crash (between
 * the send and its "sent") is the same message to the receiving system. A failure is kept with the
 * message and tried again later (30 s, 1 min, 2 min ... up to an hour), so an SMTP outage delays e-mail
 * and loses none.
 *
 * <p>Sending runs on a thread of its own, never on the scheduler's: an SMTP server that hangs holds at
 * most that one, and the sweepers, reminders and no-shows keep their time. One thread, so that a node
 * has one message in flight: when it dies, at most that one is sent again (with the same Message-ID).
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 50;
    private static final int SENDING_THREADS = 1;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    /** How many messages one round claimed and how many of them this node delivered. */
    private record Round(int claimed, int sent) {
    }

    private final Outbox outbox;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MailComposer composer;
    private final SlipPdf pdf;
    private final CalendarFile calendar;
    private final String messageIdDomain;
    // No queue: a tick that finds the thread busy (a slow or hanging SMTP server) is dropped, not stacked up.
    private final ThreadPoolExecutor sending = new ThreadPoolExecutor(SENDING_THREADS, SENDING_THREADS, 0,
            TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads("mail-send-"),
            new ThreadPoolExecutor.DiscardPolicy());
    private final ScheduledExecutorService renewals = renewalThread();

    OutboxWorker(Outbox outbox, MailTransport transport, NotificationProperties properties, Clock clock,
            MailComposer composer, SlipPdf pdf, CalendarFile calendar) {
        this.composer = composer;
        this.pdf = pdf;
        this.calendar = calendar;
        this.outbox = outbox;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        String host = URI.create(properties.publicUrl()).getHost();
        this.messageIdDomain = host == null ? "temujanji.local" : host;
    }

    private static ScheduledExecutorService renewalThread() {
        ScheduledThreadPoolExecutor renewals = new ScheduledThreadPoolExecutor(1, daemonThreads("mail-lease-"));
        // A heartbeat is cancelled after every message: gone from the queue at once, not when it was due.
        renewals.setRemoveOnCancelPolicy(true);
        return renewals;
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /**
     * Hands the sending to the worker's own thread and returns at once: the
     * scheduler's thread never waits for SMTP. A thread keeps going while there is more due, so a rush's
     * codes (a thousand within half a minute on two nodes) go out without waiting for the next tick.
     */
    @Scheduled(fixedDelayString = "${temujanji.notification.send-interval:1s}")
    void dispatch() {
        sending.execute(() -> {
            try {
                boolean more = true;
                while (more) {
                    more = round().claimed() == BATCH;
                }
            } catch (RuntimeException e) {
                log.warn("Outbox: stopped sending this round: {}", e.toString());
            }
        });
    }

    /**
     * Sends up to a batch of the messages due now, one claim at a time (confirmation codes first), on the
     * caller's thread; returns how many this node delivered.
     */
    public int sendDue() {
        return round().sent();
    }

    private Round round() {
        int claimed = 0;
        int sent = 0;
        // One connection for the round, made only when a message is due.
        try (MailTransport.Connection connection = transport.open()) {
            while (claimed < BATCH) {
                UUID token = UUID.randomUUID();
                Optional<OutboxMessage> message = outbox.claimNext(clock.instant(), token, properties.lease());
                if (message.isEmpty()) {
                    break;
                }
                claimed++;
                sent += send(connection, message.get(), token) ? 1 : 0;
            }
        }
        return new Round(claimed, sent);
    }

    private boolean send(MailTransport.Connection connection, OutboxMessage message, UUID token) {
        long renewal = properties.leaseRenewal().toMillis();
        ScheduledFuture<?> heartbeat = renewals.scheduleWithFixedDelay(() -> renew(message, token), renewal, renewal,
                TimeUnit.MILLISECONDS);
        try {
            MailComposer.Composed mail = composer.compose(message);
            String stale = mail.staleReason(message.secret(), LocalDateTime.now(clock));
            if (stale != null) {
                heartbeat.cancel(false);
                settled(outbox.markSkipped(message.id(), token, stale), message, "skipped (" + stale + ")");
                return false;
            }
            connection.send(messageId(message.id()), mail, attachments(mail));
            heartbeat.cancel(false);
            settled(outbox.markSent(message.id(), token, clock.instant()), message, "sent");
            return true;
        } catch (Exception e) {
            heartbeat.cancel(false);
            Duration wait = backoff(message.attempts());
            log.warn("Could not send message {} (try {}): {}", message.id(), message.attempts(), e.toString());
            settled(outbox.markFailed(message.id(), token, e.toString(), clock.instant().plus(wait),
                    properties.maxAttempts()), message, "failed");
            return false;
        }
    }

    private void renew(OutboxMessage message, UUID token) {
        boolean ours;
        try {
            ours = outbox.renew(message.id(), token, properties.lease());
        } catch (RuntimeException e) {
            log.warn("Outbox: could not renew the lease of message {}: {}", message.id(), e.toString());
            return; // tried again at the next beat
        }
        if (!ours) {
            log.warn("Outbox: lost the lease of message {} while sending it; another node may send it too",
                    message.id());
            // An exception ends a periodic task: there is nothing left to renew.
            throw new IllegalStateException("lease of message " + message.id() + " lost");
        }
    }

    private static void settled(boolean ours, OutboxMessage message, String outcome) {
        if (!ours) {
            log.warn("Outbox: message {} {} after its lease ran out and another node took it over; left to that node",
                    message.id(), outcome);
        }
    }

    /** The same for every try of one outbox message, whatever the node. */
    private String messageId(long id) {
        return "<outbox-" + id + ".temujanji@" + messageIdDomain + ">";
    }

    /**
     * The PDF slip (a group's: every person's slip, one page each) and the calendar file, made from the
     * appointment as it is when the message is sent.
     */
    private List<MailTransport.Attachment> attachments(MailComposer.Composed mail) {
        if (!mail.kind().withSlip) {
            return List.of();
        }
        Appointment appointment = mail.appointment();
        Locale locale = Locale.forLanguageTag(appointment.language());
        return List.of(
                new MailTransport.Attachment(slipFilename(appointment), "application/pdf",
                        pdf.render(mail.slips(), locale)),
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

    @PreDestroy
    void stop() {
        sending.shutdownNow();
        renewals.shutdownNow();
    }
}
