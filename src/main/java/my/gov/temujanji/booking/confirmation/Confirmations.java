package my.gov.temujanji.booking.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation by e-mail: a PENDING booking holds its place until the applicant enters the six-digit
 * code sent to them, within the hold time; unconfirmed, the {@link ConfirmationSweeper} expires it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Confirmations {

    private final ConfirmationRepository repository;
    private final AppointmentRepository appointments;
    private final ConfirmationCodes codes;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /**
     * A new PENDING appointment's code: the booking writes its {@code hash} and {@code deadline} with the
     * appointment, in one statement; only the e-mail carries the {@code code} itself.
     */
    public record NewCode(String code, String hash, Instant deadline) {
    }

    /** The code for the appointment {@code reference} about to be written. */
    public NewCode newCode(String reference, Instant now) {
        String code = codes.generate();
        return new NewCode(code, codes.hash(reference, code), now.plus(properties.holdDuration()));
    }

    /** The appointment was written with its code, in the booking's transaction: the event's e-mail carries it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requested(Appointment appointment, NewCode code) {
        events.publishEvent(new AppointmentEvent.ConfirmationRequested(appointment, code.code(), code.deadline(), false));
    }

    /**
     * Confirms a PENDING appointment with the code sent by e-mail; its confirmation (with the slip)
     * is sent then. Every try counts, on any node, and is kept even when refused:
     * {@link CodeOutcome.CodeWrong} (with the tries left), {@link CodeOutcome.TriesUsed} once they are
     * all used (a new code can be asked for), {@link CodeOutcome.Expired} after the time to confirm,
     * {@link CodeOutcome.AlreadyConfirmed} for a code used already, {@link CodeOutcome.NotActive} when
     * cancelled, {@link CodeOutcome.NotFound}; {@link CodeOutcome.CodeInvalid} for what is not a code.
     */
    @RetryOnConflict
    public CodeOutcome confirm(String reference, String typedCode) {
        String ref = Reference.normalise(reference);
        String code = ConfirmationCodes.normalise(typedCode);
        if (code == null) {
            return new CodeOutcome.CodeInvalid();
        }
        // The transaction returns the refusal instead of throwing it, so that the try it counted is kept.
        return transactions.execute(status -> confirmInTransaction(ref, code));
    }

    private CodeOutcome confirmInTransaction(String reference, String code) {
        Instant now = clock.instant();
        Optional<String> hash = repository.countTry(reference, now, properties.confirmationTries());
        if (hash.isEmpty()) {
            return whyRefused(reference, now);
        }
        if (!codes.matches(reference, code, hash.get())) {
            int left = repository.codeState(reference).map(c -> properties.confirmationTries() - c.tries()).orElse(0);
            return left > 0 ? new CodeOutcome.CodeWrong(left) : new CodeOutcome.TriesUsed();
        }
        if (!appointments.confirm(reference, now)) {
            return whyRefused(reference, now);
        }
        repository.markCodeUsed(reference, now);
        Appointment appointment = appointments.findByReference(reference).orElseThrow();
        // A group's code confirms everyone in it: one e-mail with every person's slip.
        events.publishEvent(appointments.findGroupOf(reference).<AppointmentEvent>map(AppointmentEvent.GroupConfirmed::new)
                .orElseGet(() -> new AppointmentEvent.Confirmed(appointment)));
        return new CodeOutcome.Confirmed(appointment);
    }

    private CodeOutcome.Refusal whyRefused(String reference, Instant now) {
        Appointment appointment = appointments.findByReference(reference).orElse(null);
        if (appointment == null) {
            return new CodeOutcome.NotFound();
        }
        return switch (appointment.status()) {
            case CONFIRMED, CHECKED_IN, NO_SHOW -> new CodeOutcome.AlreadyConfirmed();
            case CANCELLED, LATE -> new CodeOutcome.NotActive();
            case EXPIRED -> new CodeOutcome.Expired();
            case PENDING -> repository.codeState(reference)
                    .filter(c -> c.expiresAt().isAfter(now))
                    .<CodeOutcome.Refusal>map(c -> new CodeOutcome.TriesUsed())
                    .orElseGet(CodeOutcome.Expired::new);
        };
    }

    /**
     * Sends a new code for a PENDING appointment; the earlier one is dead, the deadline stays.
     * {@link CodeOutcome.ResendLimit} after as many codes as allowed, and the refusals of
     * {@link #confirm} when it is no longer waiting for one.
     */
    @RetryOnConflict
    @Transactional
    public CodeOutcome resendCode(String reference) {
        String ref = Reference.normalise(reference);
        Instant now = clock.instant();
        String code = codes.generate();
        Optional<Instant> deadline = repository.replaceCode(ref, codes.hash(ref, code), now,
                properties.confirmationSends());
        if (deadline.isEmpty()) {
            // Nothing was written. Still pending and in time: every code allowed has been sent.
            CodeOutcome.Refusal refusal = whyRefused(ref, now);
            return refusal instanceof CodeOutcome.TriesUsed ? new CodeOutcome.ResendLimit() : refusal;
        }
        Appointment appointment = appointments.findByReference(ref).orElseThrow();
        events.publishEvent(new AppointmentEvent.ConfirmationRequested(appointment, code, deadline.get(), true));
        return new CodeOutcome.Sent(appointment);
    }

    /** When a PENDING appointment must be confirmed by; empty once it is not waiting for a code. */
    public Optional<Instant> deadline(String reference) {
        return repository.codeState(Reference.normalise(reference)).filter(c -> !c.used())
                .map(ConfirmationRepository.CodeState::expiresAt);
    }
}
