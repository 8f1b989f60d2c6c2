package my.gov.temujanji.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.booking.internal.AppointmentRepository.KeyedAppointment;
import my.gov.temujanji.booking.internal.AppointmentRepository.LockedAppointment;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.booking.internal.BookingTransaction;
import my.gov.temujanji.booking.internal.Hold;
import my.gov.temujanji.booking.internal.Holds;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking transaction. Places are taken by the slot inventory's conditional update; a request
 * key, a document and an e-mail address are each serialised by a transaction-scoped advisory lock, so
 * a resubmitted form finds the appointment it made, one document cannot book one transaction type
 * twice, and the counts behind the limits on hoarding (active appointments per document and per
 * address) cannot be read by two requests at once on any node. Unique constraints stand behind the
 * first two.
 *
 * <p>Where the transaction type asks for it, a booking is PENDING until the applicant enters the code
 * sent by e-mail, within the hold time ({@code booking.confirmation}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Booking {

    /** Where the place comes from: a hold the applicant has, or a slot named directly (API only). */
    public sealed interface PlaceRequest {
    }

    public record FromHold(UUID holdId) implements PlaceRequest {
    }

    public record FromSlot(String branch, String service, LocalDate date, LocalTime start) implements PlaceRequest {
    }

    private final SlotInventory inventory;
    private final BookingTransaction transaction;
    private final AppointmentRepository repository;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Blocks blocks;
    private final Holds holds;

    /**
     * Holds a place for someone it was kept for (a waitlist offer taken), with what is known of them
     * already filled in, in the caller's transaction; answers the hold's id, whose details page the
     * booking goes on from.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID holdFor(String branch, String service, LocalDate date, LocalTime start, ApplicantInput draft) {
        Hold hold = holds.hold(branch, service, date, start, null);
        holds.saveDraft(hold.id(), draft);
        return hold.id();
    }

    /**
     * Books an appointment for a checked applicant. The same key with the same request returns the
     * appointment it made (replayed); with another request, 422 {@code IDEMPOTENCY_KEY_REUSED} is
     * thrown, as is 404 {@code HOLD_NOT_FOUND} for an unknown hold and the catalogue's 404s. Every other
     * refusal is an outcome: {@link BookingOutcome.Refused} when the document or the address is blocked
     * ({@link Blocks}: the answer does not say so), {@link BookingOutcome.AlreadyBooked} when the
     * document already has an active appointment for this transaction type,
     * {@link BookingOutcome.TooManyAppointments} when the document or the e-mail address has as many
     * upcoming active appointments as allowed, {@link BookingOutcome.SlotFull} or
     * {@link BookingOutcome.NotBookable} from the inventory.
     * <p>
     * A slot seen full is refused before the transaction and its locks. Only a place given back in the
     * moment between that read and a concurrent request with the same key would let the two answers
     * differ (409 to one, 201 to the other); a later retry with the key gets the 201.
     */
    public BookingOutcome book(PlaceRequest request, Applicant applicant, String language, String idempotencyKey) {
        return book(request, applicant, language, idempotencyKey, () -> {
        });
    }

    /**
     * Books as {@link #book(PlaceRequest, Applicant, String, String)} does, with {@code gate} (the pages'
     * proof of work) run in the transaction once the key is locked and has made nothing yet: a request
     * sent again while or after its first sending books gets the replay and never meets the gate again
     * ({@link BookingOutcome.ChallengeFailed} when it refuses).
     */
    @RetryOnConflict
    public BookingOutcome book(PlaceRequest request, Applicant applicant, String language, String idempotencyKey,
            Runnable gate) {
        if (request instanceof FromSlot slot && repository.fullForNewKey(slot.branch(), slot.service(), slot.date(),
                slot.start(), idempotencyKey, clock.instant())) {
            // When a date opens, most requests arrive after the last place went: they are told at once,
            // with one read and no transaction. A request whose key already booked goes on to its replay.
            return new BookingOutcome.SlotFull(slot.date(), slot.start());
        }
        try {
            return transactions.execute(status -> transaction.run(request, applicant, language, idempotencyKey, gate));
        } catch (BookingTransaction.Refused refused) {
            // After the refused booking rolled back, in a transaction of its own: the owner's e-mail.
            refused.existing().ifPresent(existing -> transactions.executeWithoutResult(
                    status -> events.publishEvent(new AppointmentEvent.RebookingRefused(existing))));
            return refused.outcome();
        } catch (ApiProblem problem) {
            return refusalOf(problem);
        }
    }

    /** The refusals other capabilities throw into the booking transaction, as outcomes; anything else goes on. */
    static BookingOutcome.Refusal refusalOf(ApiProblem problem) {
        Object[] arguments = problem.arguments();
        return switch (problem.code()) {
            case "SLOT_FULL" -> new BookingOutcome.SlotFull((LocalDate) arguments[0], (LocalTime) arguments[1]);
            case "NOT_BOOKABLE" -> new BookingOutcome.NotBookable((LocalDate) arguments[0], (LocalTime) arguments[1]);
            case "BOOKING_REFUSED" -> new BookingOutcome.Refused();
            case "CHALLENGE_REQUIRED", "CHALLENGE_INVALID", "CHALLENGE_TOO_EARLY" ->
                    new BookingOutcome.ChallengeFailed(problem);
            default -> throw problem;
        };
    }

    /**
     * Cancels an appointment for whoever has its reference and document number, and gives its place
     * back. {@link ChangeOutcome.NotFound} for a wrong pair; {@link ChangeOutcome.NotActive} when
     * already cancelled; {@link ChangeOutcome.Passed} once its time has come.
     */
    @RetryOnConflict
    public ChangeOutcome cancel(String reference, String documentNumber) {
        return change(() -> {
            LockedAppointment locked = lockOwned(reference, documentNumber);
            AppointmentStatus cancelled = locked.appointment().status().cancel();
            requireUpcoming(locked.appointment(), clock);
            inventory.releaseFrom(locked.slotId(), clock.instant().plus(properties.releaseDelay()));
            repository.updateStatus(locked.appointment().reference(), cancelled, clock.instant());
            Appointment appointment = locked.appointment().withStatus(cancelled);
            events.publishEvent(new AppointmentEvent.Cancelled(appointment));
            return appointment;
        });
    }

    /**
     * Moves an appointment to another slot of the same branch and transaction type. The new place is
     * taken before the old one is given back, in one transaction: when the new slot is full
     * ({@link ChangeOutcome.SlotFull}) nothing changes. {@link ChangeOutcome.SameSlot} for the slot it
     * already has; {@link ChangeOutcome.NotConfirmed} while it waits for its code;
     * {@link ChangeOutcome.Blocked} while the document or the address is blocked: a move takes a new
     * place, as a booking does (cancelling stays open to the blocked). The refusals of a cancel too.
     */
    @RetryOnConflict
    public ChangeOutcome reschedule(String reference, String documentNumber, LocalDate date, LocalTime start) {
        return change(() -> move(reference, documentNumber, date, start));
    }

    private Appointment move(String reference, String documentNumber, LocalDate date, LocalTime start) {
        LockedAppointment locked = lockOwned(reference, documentNumber);
        Appointment old = locked.appointment();
        AppointmentStatus status = old.status().reschedule();
        requireUpcoming(old, clock);
        blocks.refuseBlocked(old.applicant().documentType().name(), old.applicant().documentNumber(),
                old.applicant().email());
        if (old.date().equals(date) && old.start().equals(start)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "SAME_SLOT");
        }
        TakenPlace place = inventory.take(old.branchCode(), old.serviceCode(), date, start);
        inventory.releaseFrom(locked.slotId(), clock.instant().plus(properties.releaseDelay()));
        repository.move(old.reference(), place);
        Appointment moved = new Appointment(old.reference(), status, old.branchCode(), old.serviceCode(), place.day(),
                place.start(), place.end(), old.applicant(), old.createdAt(), old.language());
        events.publishEvent(new AppointmentEvent.Rescheduled(moved, old.date(), old.start()));
        return moved;
    }

    /** {@code change} in a transaction of its own; what it refuses, rolled back, as its outcome. */
    private ChangeOutcome change(Supplier<Appointment> change) {
        try {
            return new ChangeOutcome.Changed(transactions.execute(status -> change.get()));
        } catch (ApiProblem problem) {
            return ChangeOutcome.refusalOf(problem);
        }
    }

    private LockedAppointment lockOwned(String reference, String documentNumber) {
        String number = DocumentNumbers.normalise(documentNumber);
        // The branch's schedule lock before the appointment's row (the global lock order): a change of the
        // branch's schedule, which locks slot rows and then appointments, is waited for whole.
        repository.branchOfAppointment(Reference.normalise(reference)).ifPresent(inventory::enterBranch);
        return repository.lockByReference(Reference.normalise(reference))
                .filter(a -> a.appointment().applicant().documentNumber().equals(number))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    static void requireUpcoming(Appointment appointment, Clock clock) {
        if (!appointment.date().atTime(appointment.start()).isAfter(LocalDateTime.now(clock))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_PASSED");
        }
    }

    /**
     * The appointment a request key made, if any. A hold becomes an appointment and is gone, so a page
     * submitted again after that finds the appointment by the key it used.
     */
    public Optional<Appointment> bookedWith(String idempotencyKey) {
        return repository.findByIdempotencyKey(idempotencyKey).map(KeyedAppointment::appointment);
    }

    /** The appointment with this reference, if the document number given is the one it was booked with. */
    public Optional<Appointment> find(String reference, String documentNumber) {
        String number = DocumentNumbers.normalise(documentNumber);
        return repository.findByReference(Reference.normalise(reference))
                .filter(a -> a.applicant().documentNumber().equals(number));
    }

    /**
     * The confirmed appointments of a day not yet reminded, now marked as reminded: call inside the
     * transaction that records the reminders, so that a reminder is claimed once and never lost.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Appointment> claimReminders(LocalDate day) {
        return repository.claimReminders(day, clock.instant());
    }

    public Optional<Appointment> findByReference(String reference) {
        return repository.findByReference(Reference.normalise(reference));
    }
}
