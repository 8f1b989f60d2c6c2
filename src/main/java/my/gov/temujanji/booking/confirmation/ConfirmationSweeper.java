package my.gov.temujanji.booking.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.platform.Sweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires the bookings not confirmed in time and gives their places back, offered again after the
 * release delay like a cancelled place (otherwise a tout could book with a throwaway address and hand
 * the place over at a known moment). EXPIRED rather than CANCELLED: nobody cancelled it, and the
 * applicant is not sent a cancellation. Every node runs it; PostgreSQL's row locks (SKIP LOCKED) make
 * each appointment expire exactly once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConfirmationSweeper {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationSweeper.class);

    private final ConfirmationRepository repository;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Sweeps sweeps;

    @Scheduled(fixedDelayString = "${temujanji.booking.sweep-interval:30s}")
    public int sweep() {
        return sweeps.inTransaction(log, "Expired {} unconfirmed appointments", () -> {
            Instant now = clock.instant();
            List<Appointment> expired = repository.expireUnconfirmed(now, now.plus(properties.releaseDelay()),
                    Sweeps.BATCH);
            expired.forEach(appointment -> events.publishEvent(new AppointmentEvent.Expired(appointment)));
            return expired.size();
        });
    }
}
