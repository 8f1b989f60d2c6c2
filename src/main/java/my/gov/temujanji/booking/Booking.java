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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.booking.confirmation.Confirmations;
import my.gov.temujanji.booking.internal.AppointmentRepository.ActiveCounts;
import my.gov.temujanji.booking.internal.AppointmentRepository.KeyedAppointment;
import my.gov.temujanji.booking.internal.AppointmentRepository.LockedAppointment;
import my.gov.temujanji.booking.internal.AppointmentRepository;
import my.gov.temujanji.booking.internal.HoldRepository.LockedHold;
import my.gov.temujanji.booking.internal.Holds;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
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
 * sent by e-mail, within the hold time ({@link Confirmations}).
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
    private final Holds holds;
    private final AppointmentRepository repository;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Confirmations confirmations;
    private final Catalogue catalogue;
    private final Blocks blocks;

    Booking(SlotInventory inventory, Holds holds, AppointmentRepository repository, BookingProperties properties,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager,
            Confirmations confirmations, Catalogue catalogue, Blocks blocks) {
        this.blocks = blocks;
        this.holds = holds;
        this.confirmations = confirmations;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Books an appointment for a checked applicant. The same key with the same request returns the
     * appointment it made; with another request, 422 {@code IDEMPOTENCY_KEY_REUSED}. 403
     * {@code BOOKING_REFUSED} when the document or the address is blocked ({@link Blocks}: the answer
     * does not say so). 409
     * {@code ALREADY_BOOKED} when the document already has an active appointment for this transaction
     * type; 409 {@code TOO_MANY_APPOINTMENTS} when the document or the e-mail address has as many
     * upcoming active appointments as allowed (the second argument: 0 for the document, 1 for the
     * address); 409 {@code SLOT_FULL} or 422 {@code NOT_BOOKABLE} from the inventory; 404
     * {@code HOLD_NOT_FOUND} for an unknown hold.
     * <p>
     * A slot seen full is refused before the transaction and its locks. Only a place given back in the
     * moment between that read and a concurrent request with the same key would let the two answers
     * differ (409 to one, 201 to the other); a later retry with the key gets the 201.
     */
    public Booked book(PlaceRequest request, Applicant applicant, String language, String idempotencyKey) {
        return book(request, applicant, language, idempotencyKey, () -> {
        });
    }

    /**
     * Books as {@link #book(PlaceRequest, Applicant, String, String)} does, with {@code gate} (the pages'
     * proof of work) run in the transaction once the key is locked and has made nothing yet: a request
     * sent again while or after its first sending books gets the replay and never meets the gate again.
     */
    @RetryOnConflict
    public Booked book(PlaceRequest request, Applicant applicant, String language, String idempotencyKey,
            Runnable gate) {
        if (request instanceof FromSlot slot && inventory.full(slot.branch(), slot.service(), slot.date(), slot.start())
                && !repository.keyUsed(idempotencyKey)) {
            // When a date opens, most requests arrive after the last place went: they are told at once,
            // with two reads and no transaction. A request whose key already booked goes on to its replay.
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", slot.date(), slot.start());
        }
        try {
            return transactions.execute(status -> bookInTransaction(request, applicant, language, idempotencyKey, gate));
        } catch (AlreadyBooked already) {
            // After the refused booking rolled back, in a transaction of its own: the owner's e-mail.
            transactions.executeWithoutResult(
                    status -> events.publishEvent(new AppointmentEvent.RebookingRefused(already.existing())));
            throw already;
        }
    }

    private Booked bookInTransaction(PlaceRequest request, Applicant applicant, String language,
            String idempotencyKey, Runnable gate) {
        String requestHash = hash(request, applicant);
        // The request key, then the document, then the address, in one statement: one order for every
        // request, so no two wait on each other.
        repository.lock("idempotency:" + idempotencyKey,
                "document:" + applicant.documentType() + ":" + applicant.documentNumber(),
                "email:" + applicant.email().toLowerCase(Locale.ROOT));
        Optional<KeyedAppointment> earlier = repository.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            return new Booked(earlier.get().appointment(), true);
        }
        gate.run();
        LockedHold hold = request instanceof FromHold fromHold ? holds.lockForBooking(fromHold.holdId()) : null;
        FromSlot slot = request instanceof FromSlot fromSlot ? fromSlot : null;
        String serviceCode = hold != null ? hold.place().serviceCode() : slot.service();
        blocks.refuseNewBooking(applicant.documentType().name(), applicant.documentNumber(), applicant.email());
        repository.findActive(applicant.documentType(), applicant.documentNumber(), serviceCode).ifPresent(existing -> {
            throw new AlreadyBooked(existing);
        });
        ActiveCounts active = repository.countActive(applicant.documentType(),
                applicant.documentNumber(), applicant.email(), LocalDateTime.now(clock));
        if (active.byDocument() >= properties.maxActivePerDocument()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "TOO_MANY_APPOINTMENTS", properties.maxActivePerDocument(), 0);
        }
        if (active.byEmail() >= properties.maxActivePerEmail()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "TOO_MANY_APPOINTMENTS", properties.maxActivePerEmail(), 1);
        }
        if (hold != null) {
            boolean confirmByEmail = confirmsByEmail(
                    catalogue.requireOffering(hold.place().branchCode(), hold.place().serviceCode()));
            return record(holds.placeOf(hold), applicant, language, idempotencyKey, requestHash, confirmByEmail);
        }
        // From a slot, the appointment is written before its place is counted: the slot's row, which every
        // booking of the slot waits for, is then locked only from the count to the commit.
        return inventory.take(slot.branch(), slot.service(), slot.date(), slot.start(), (place, offering) ->
                record(place, applicant, language, idempotencyKey, requestHash, confirmsByEmail(offering)));
    }

    /** Writes the appointment in a place taken (or being taken) and what it sets off: the code or the e-mail. */
    private Booked record(TakenPlace place, Applicant applicant, String language, String idempotencyKey,
            String requestHash, boolean confirmByEmail) {
        String reference = Reference.generate();
        Instant now = clock.instant();
        AppointmentStatus status = confirmByEmail ? AppointmentStatus.PENDING : AppointmentStatus.CONFIRMED;
        repository.insertAppointment(reference, status, place, applicant, language, idempotencyKey, requestHash, now);
        Appointment appointment = new Appointment(reference, status, place.branchCode(),
                place.serviceCode(), place.day(), place.start(), place.end(), applicant, now, language);
        if (confirmByEmail) {
            confirmations.request(appointment, now);
        } else {
            events.publishEvent(new AppointmentEvent.Booked(appointment));
        }
        return new Booked(appointment, false);
    }

    private boolean confirmsByEmail(Offering offering) {
        Boolean ofType = offering.type().emailConfirmation();
        return ofType != null ? ofType : properties.emailConfirmation();
    }

    /**
     * Cancels an appointment for whoever has its reference and document number, and gives its place
     * back. 404 {@code APPOINTMENT_NOT_FOUND} for a wrong pair; 409 {@code APPOINTMENT_NOT_ACTIVE} when
     * already cancelled; 409 {@code APPOINTMENT_PASSED} once its time has come.
     */
    @RetryOnConflict
    @Transactional
    public Appointment cancel(String reference, String documentNumber) {
        LockedAppointment locked = lockOwned(reference, documentNumber);
        AppointmentStatus cancelled = locked.appointment().status().cancel();
        requireUpcoming(locked.appointment());
        inventory.releaseFrom(locked.slotId(), clock.instant().plus(properties.releaseDelay()));
        repository.updateStatus(locked.appointment().reference(), cancelled, clock.instant());
        Appointment appointment = locked.appointment().withStatus(cancelled);
        events.publishEvent(new AppointmentEvent.Cancelled(appointment));
        return appointment;
    }

    /**
     * Moves an appointment to another slot of the same branch and transaction type. The new place is
     * taken before the old one is given back, in one transaction: when the new slot is full (409
     * {@code SLOT_FULL}) nothing changes. 422 {@code SAME_SLOT} for the slot it already has. 403
     * {@code APPLICANT_BLOCKED} while the document or the address is blocked: a move takes a new place,
     * as a booking does (cancelling stays open to the blocked).
     */
    @RetryOnConflict
    @Transactional
    public Appointment reschedule(String reference, String documentNumber, LocalDate date, LocalTime start) {
        LockedAppointment locked = lockOwned(reference, documentNumber);
        Appointment old = locked.appointment();
        AppointmentStatus status = old.status().reschedule();
        requireUpcoming(old);
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

    private LockedAppointment lockOwned(String reference, String documentNumber) {
        String number = DocumentNumbers.normalise(documentNumber);
        // The branch's schedule lock before the appointment's row (the global lock order): a change of the
        // branch's schedule, which locks slot rows and then appointments, is waited for whole.
        repository.branchOfAppointment(Reference.normalise(reference)).ifPresent(inventory::enterBranch);
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

    private static String hash(PlaceRequest request, Applicant applicant) {
        String canonical = request + "|" + applicant;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /**
     * 409 {@code ALREADY_BOOKED}: the document already has an appointment of this transaction type. Its
     * date, time and reference are not told to whoever asked, who may not be its owner; the owner is
     * e-mailed them ({@link AppointmentEvent.RebookingRefused}).
     */
    public static class AlreadyBooked extends ApiProblem {

        private final transient Appointment existing;

        AlreadyBooked(Appointment existing) {
            super(HttpStatus.CONFLICT, "ALREADY_BOOKED");
            this.existing = existing;
        }

        public Appointment existing() {
            return existing;
        }
    }
}
