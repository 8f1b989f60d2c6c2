package my.gov.temujanji.queue;

import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.counter.AppointmentCheckedIn;
import my.gov.temujanji.queue.internal.Arrivals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The queue's entry from the rest of the application: a check-in at the counter gives the applicant a
 * queue number, in the check-in's own transaction (a check-in never commits without its number).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class QueueArrivals {

    private final Arrivals arrivals;

    /** An appointment's queue number as printed (P-014) and the token of its public ticket page. */
    public record IssuedNumber(String number, String token) {
    }

    @EventListener
    public void on(AppointmentCheckedIn event) {
        arrivals.checkedIn(event.appointment(), event.at());
    }

    /** The queue number a checked-in appointment was given, if any. */
    public Optional<IssuedNumber> numberOf(String appointmentReference) {
        return arrivals.numberOf(appointmentReference);
    }
}
