package my.gov.temujanji.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking transaction. Places are taken by the slot inventory's conditional update; a request
 * key and a document are each serialised by a transaction-scoped advisory lock, so a resubmitted form
 * finds the appointment it made and one document cannot book one transaction type twice. Unique
 * constraints stand behind both.
 */
@Service
public class Booking {

    /** Where the place comes from: a hold the applicant has, or a slot named directly (API only). */
    public sealed interface PlaceRequest {
    }

    public record FromHold(UUID holdId) implements PlaceRequest {
    }

    public record FromSlot(String branch, String service, LocalDate date, LocalTime start) implements PlaceRequest {
    }

    /** The outcome of a booking request: {@code replayed} when the key had already made it. */
    public record Booked(Appointment appointment, boolean replayed) {
    }

    private final SlotInventory inventory;
    private final BookingRepository repository;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Booking(SlotInventory inventory, BookingRepository repository, BookingProperties properties,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.inventory = inventory;
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Holds one place of a slot. {@code previous}, when given, is the applicant's earlier hold: its
     * place is given back and what they typed is carried over.
     */
    @Transactional
    public Hold hold(String branch, String service, LocalDate date, LocalTime start, UUID previous) {
        Instant now = clock.instant();
        ApplicantInput draft = null;
        if (previous != null) {
            Optional<BookingRepository.LockedHold> old = repository.lockHold(previous);
            if (old.isPresent()) {
                draft = repository.draft(old.get().draft());
                if (!old.get().released()) {
                    inventory.release(old.get().slotId());
                }
                repository.deleteHold(previous);
            }
        }
        TakenPlace place = inventory.take(branch, service, date, start);
        UUID id = UUID.randomUUID();
        Instant expiresAt = now.plus(properties.holdDuration());
        repository.insertHold(id, place.slotId(), now, expiresAt, draft);
        return new Hold(id, place.branchCode(), place.serviceCode(), place.day(), place.start(), place.end(), expiresAt,
                true, draft);
    }

    public Optional<Hold> findHold(UUID id) {
        return repository.findHold(id, clock.instant());
    }

    @Transactional
    public void saveDraft(UUID holdId, ApplicantInput draft) {
        repository.saveDraft(holdId, draft);
    }

    /**
     * Books an appointment for a checked applicant. The same key with the same request returns the
     * appointment it made; with another request, 422 {@code IDEMPOTENCY_KEY_REUSED}. 409
     * {@code ALREADY_BOOKED} when the document already has an active appointment for this transaction
     * type; 409 {@code SLOT_FULL} or 422 {@code NOT_BOOKABLE} from the inventory; 404
     * {@code HOLD_NOT_FOUND} for an unknown hold.
     * <p>
     * A slot seen full is refused before the transaction and its locks. Only a place given back in the
     * moment between that read and a concurrent request with the same key would let the two answers
     * differ (409 to one, 201 to the other); a later retry with the key gets the 201.
     */
    public Booked book(PlaceRequest request, Applicant applicant, String language, String idempotencyKey) {
        if (request instanceof FromSlot slot && inventory.full(slot.branch(), slot.service(), slot.date(), slot.start())
                && !repository.keyUsed(idempotencyKey)) {
            // When a date opens, most requests arrive after the last place went: they are told at once,
            // with two reads and no transaction. A request whose key already booked goes on to its replay.
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", slot.date(), slot.start());
        }
        return transactions.execute(status -> bookInTransaction(request, applicant, language, idempotencyKey));
    }

    private Booked bookInTransaction(PlaceRequest request, Applicant applicant, String language,
            String idempotencyKey) {
        String requestHash = hash(request, applicant);
        repository.lock("idempotency:" + idempotencyKey);
        Optional<BookingRepository.KeyedAppointment> earlier = repository.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            return new Booked(earlier.get().appointment(), true);
        }
        BookingRepository.LockedHold hold = request instanceof FromHold fromHold
                ? repository.lockHold(fromHold.holdId())
                        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND"))
                : null;
        FromSlot slot = request instanceof FromSlot fromSlot ? fromSlot : null;
        String serviceCode = hold != null ? hold.place().serviceCode() : slot.service();
        repository.lock("document:" + applicant.documentType() + ":" + applicant.documentNumber() + ":" + serviceCode);
        repository.findActive(applicant.documentType(), applicant.documentNumber(), serviceCode).ifPresent(existing -> {
            throw new AlreadyBooked(existing);
        });
        TakenPlace place = hold != null
                ? placeOfHold(hold)
                : inventory.take(slot.branch(), slot.service(), slot.date(), slot.start());
        String reference = Reference.generate();
        Instant now = clock.instant();
        repository.insertAppointment(reference, place, applicant, language, idempotencyKey, requestHash, now);
        Appointment appointment = new Appointment(reference, AppointmentStatus.CONFIRMED, place.branchCode(),
                place.serviceCode(), place.day(), place.start(), place.end(), applicant, now, language);
        events.publishEvent(new AppointmentEvent.Booked(appointment));
        return new Booked(appointment, false);
    }

    /**
     * Cancels an appointment for whoever has its reference and document number, and gives its place
     * back. 404 {@code APPOINTMENT_NOT_FOUND} for a wrong pair; 409 {@code APPOINTMENT_NOT_ACTIVE} when
     * already cancelled; 409 {@code APPOINTMENT_PASSED} once its time has come.
     */
    @Transactional
    public Appointment cancel(String reference, String documentNumber) {
        BookingRepository.LockedAppointment locked = lockOwned(reference, documentNumber);
        AppointmentStatus cancelled = locked.appointment().status().cancel();
        requireUpcoming(locked.appointment());
        inventory.release(locked.slotId());
        repository.updateStatus(locked.appointment().reference(), cancelled, clock.instant());
        Appointment appointment = locked.appointment().withStatus(cancelled);
        events.publishEvent(new AppointmentEvent.Cancelled(appointment));
        return appointment;
    }

    /**
     * Moves an appointment to another slot of the same branch and transaction type. The new place is
     * taken before the old one is given back, in one transaction: when the new slot is full (409
     * {@code SLOT_FULL}) nothing changes. 422 {@code SAME_SLOT} for the slot it already has.
     */
    @Transactional
    public Appointment reschedule(String reference, String documentNumber, LocalDate date, LocalTime start) {
        BookingRepository.LockedAppointment locked = lockOwned(reference, documentNumber);
        Appointment old = locked.appointment();
        AppointmentStatus status = old.status().reschedule();
        requireUpcoming(old);
        if (old.date().equals(date) && old.start().equals(start)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "SAME_SLOT");
        }
        TakenPlace place = inventory.take(old.branchCode(), old.serviceCode(), date, start);
        inventory.release(locked.slotId());
        repository.move(old.reference(), place);
        Appointment moved = new Appointment(old.reference(), status, old.branchCode(), old.serviceCode(), place.day(),
                place.start(), place.end(), old.applicant(), old.createdAt(), old.language());
        events.publishEvent(new AppointmentEvent.Rescheduled(moved, old.date(), old.start()));
        return moved;
    }

    private BookingRepository.LockedAppointment lockOwned(String reference, String documentNumber) {
        String number = ApplicantValidation.normaliseDocumentNumber(documentNumber);
        return repository.lockByReference(Reference.normalise(reference))
                .filter(a -> a.appointment().applicant().documentNumber().equals(number))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    private void requireUpcoming(Appointment appointment) {
        if (!appointment.date().atTime(appointment.start()).isAfter(LocalDateTime.now(clock))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "APPOINTMENT_PASSED");
        }
    }

    /**
     * The appointment a request key made, if any. A hold becomes an appointment and is gone, so a page
     * submitted again after that finds the appointment by the key it used.
     */
    Optional<Appointment> bookedWith(String idempotencyKey) {
        return repository.findByIdempotencyKey(idempotencyKey).map(BookingRepository.KeyedAppointment::appointment);
    }

    /** The appointment with this reference, if the document number given is the one it was booked with. */
    public Optional<Appointment> find(String reference, String documentNumber) {
        String number = ApplicantValidation.normaliseDocumentNumber(documentNumber);
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

    /**
     * Turns a hold into the appointment's place. A hold that ran out is given back and the same slot
     * is tried again, so the applicant only loses it if someone else took the last place meanwhile.
     */
    private TakenPlace placeOfHold(BookingRepository.LockedHold hold) {
        UUID holdId = hold.id();
        Instant now = clock.instant();
        if (!hold.released() && hold.expiresAt().isAfter(now)) {
            repository.deleteHold(holdId);
            return hold.place();
        }
        if (!hold.released()) {
            inventory.release(hold.slotId());
            repository.markReleased(holdId, now);
        }
        TakenPlace place = inventory.take(hold.place().branchCode(), hold.place().serviceCode(), hold.place().day(),
                hold.place().start());
        repository.deleteHold(holdId);
        return place;
    }

    private static String hash(PlaceRequest request, Applicant applicant) {
        String canonical = request + "|" + applicant;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** 409 {@code ALREADY_BOOKED}, naming the appointment the document already has. */
    public static class AlreadyBooked extends ApiProblem {

        private final transient Appointment existing;

        AlreadyBooked(Appointment existing) {
            super(HttpStatus.CONFLICT, "ALREADY_BOOKED", existing.date(), existing.start(),
                    Reference.display(existing.reference()).substring(0, 3) + "…");
            this.existing = existing;
        }

        public Appointment existing() {
            return existing;
        }
    }
}
