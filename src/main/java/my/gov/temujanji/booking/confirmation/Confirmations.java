package my.gov.temujanji.booking.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation by e-mail: a PENDING booking holds its place until the applicant enters the six-digit
 * code sent to them, within the hold time; unconfirmed, the {@link ConfirmationSweeper} expires it.
 */
@Service
public class Confirmations {

    private final ConfirmationRepository repository;
    private final AppointmentRepository appointments;
    private final ConfirmationCodes codes;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Confirmations(ConfirmationRepository repository, AppointmentRepository appointments, ConfirmationCodes codes,
            BookingProperties properties, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.appointments = appointments;
        this.codes = codes;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A new PENDING appointment's code, in the booking's transaction; the event's e-mail carries it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(Appointment appointment, Instant now) {
        String code = codes.generate();
        Instant deadline = now.plus(properties.holdDuration());
        repository.insertCode(appointment.reference(), codes.hash(appointment.reference(), code), deadline);
        events.publishEvent(new AppointmentEvent.ConfirmationRequested(appointment, code, deadline, false));
    }

    /**
     * Confirms a PENDING appointment with the code sent by e-mail; its confirmation (with the slip)
     * is sent then. Every try counts, on any node, and is kept even when refused: 422
     * {@code CONFIRMATION_CODE_WRONG} (the argument says how many tries are left), 409
     * {@code CONFIRMATION_TRIES_USED} once they are all used (a new code can be asked for), 410
     * {@code CONFIRMATION_EXPIRED} after the time to confirm, 409 {@code ALREADY_CONFIRMED} for a code
     * used already, 409 {@code APPOINTMENT_NOT_ACTIVE} when cancelled, 404 {@code APPOINTMENT_NOT_FOUND}.
     */
    @RetryOnConflict
    public Appointment confirm(String reference, String typedCode) {
        String ref = Reference.normalise(reference);
        String code = ConfirmationCodes.normalise(typedCode);
        if (code == null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_INVALID");
        }
        // The transaction returns the refusal instead of throwing it, so that the try it counted is kept.
        Object outcome = transactions.execute(status -> confirmInTransaction(ref, code));
        if (outcome instanceof ApiProblem refusal) {
            throw refusal;
        }
        return (Appointment) outcome;
    }

    private Object confirmInTransaction(String reference, String code) {
        Instant now = clock.instant();
        Optional<String> hash = repository.countTry(reference, now, properties.confirmationTries());
        if (hash.isEmpty()) {
            return whyRefused(reference, now);
        }
        if (!codes.matches(reference, code, hash.get())) {
            int left = repository.codeState(reference).map(c -> properties.confirmationTries() - c.tries()).orElse(0);
            return left > 0 ? new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONFIRMATION_CODE_WRONG", left)
                    : new ApiProblem(HttpStatus.CONFLICT, "CONFIRMATION_TRIES_USED");
        }
        if (!appointments.confirm(reference, now)) {
            return whyRefused(reference, now);
        }
        repository.markCodeUsed(reference, now);
        Appointment appointment = appointments.findByReference(reference).orElseThrow();
        // A group's code confirms everyone in it: one e-mail with every person's slip.
        events.publishEvent(appointments.findGroupOf(reference).<AppointmentEvent>map(AppointmentEvent.GroupConfirmed::new)
                .orElseGet(() -> new AppointmentEvent.Confirmed(appointment)));
        return appointment;
    }

    private ApiProblem whyRefused(String reference, Instant now) {
        Appointment appointment = appointments.findByReference(reference).orElse(null);
        if (appointment == null) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND");
        }
        return switch (appointment.status()) {
            case CONFIRMED, CHECKED_IN, NO_SHOW -> new ApiProblem(HttpStatus.CONFLICT, "ALREADY_CONFIRMED");
            case CANCELLED, LATE -> new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_NOT_ACTIVE");
            case EXPIRED -> new ApiProblem(HttpStatus.GONE, "CONFIRMATION_EXPIRED");
            case PENDING -> repository.codeState(reference)
                    .filter(c -> c.expiresAt().isAfter(now))
                    .<ApiProblem>map(c -> new ApiProblem(HttpStatus.CONFLICT, "CONFIRMATION_TRIES_USED"))
                    .orElseGet(() -> new ApiProblem(HttpStatus.GONE, "CONFIRMATION_EXPIRED"));
        };
    }

    /**
     * Sends a new code for a PENDING appointment; the earlier one is dead, the deadline stays. 429
     * {@code CONFIRMATION_RESEND_LIMIT} after as many codes as allowed, and the refusals of
     * {@link #confirm} when it is no longer waiting for one.
     */
    @RetryOnConflict
    @Transactional
    public Appointment resendCode(String reference) {
        String ref = Reference.normalise(reference);
        Instant now = clock.instant();
        String code = codes.generate();
        Optional<Instant> deadline = repository.replaceCode(ref, codes.hash(ref, code), now,
                properties.confirmationSends());
        if (deadline.isEmpty()) {
            ApiProblem refusal = whyRefused(ref, now);
            // Still pending and in time: every code allowed has been sent.
            throw "CONFIRMATION_TRIES_USED".equals(refusal.code())
                    ? new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "CONFIRMATION_RESEND_LIMIT")
                    : refusal;
        }
        Appointment appointment = appointments.findByReference(ref).orElseThrow();
        events.publishEvent(new AppointmentEvent.ConfirmationRequested(appointment, code, deadline.get(), true));
        return appointment;
    }

    /** When a PENDING appointment must be confirmed by; empty once it is not waiting for a code. */
    public Optional<Instant> deadline(String reference) {
        return repository.codeState(Reference.normalise(reference)).filter(c -> !c.used())
                .map(ConfirmationRepository.CodeState::expiresAt);
    }
}
