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
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import my.gov.temujanji.platform.RetryOnConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
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
 * sent by e-mail, within the hold time; unconfirmed, the {@link ConfirmationSweeper} expires it.
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
    private final ConfirmationCodes codes;
    private final Catalogue catalogue;
    private final Blocks blocks;
    private final List<HoldGate> gates;

    Booking(SlotInventory inventory, BookingRepository repository, BookingProperties properties,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager,
            ConfirmationCodes codes, Catalogue catalogue, Blocks blocks, List<HoldGate> gates) {
        this.blocks = blocks;
        this.gates = gates;
        this.codes = codes;
        this.catalogue = catalogue;
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
    @RetryOnConflict
    @Transactional
    public Hold hold(String branch, String service, LocalDate date, LocalTime start, UUID previous) {
        return hold(branch, service, date, start, previous, HoldGate.Pass.NONE);
    }

    /** Holds as {@link #hold(String, String, LocalDate, LocalTime, UUID)} does, once every {@link HoldGate} lets it. */
    @RetryOnConflict
    @Transactional
    public Hold hold(String branch, String service, LocalDate date, LocalTime start, UUID previous,
            HoldGate.Pass pass) {
        Instant now = clock.instant();
        ApplicantInput draft = null;
        // Branch locks first, in code order (the global lock order), then the earlier hold's row.
        java.util.TreeSet<String> branches = new java.util.TreeSet<>(List.of(branch));
        if (previous != null) {
            repository.branchOfHold(previous).ifPresent(branches::add);
        }
        branches.forEach(inventory::enterBranch);
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
        UUID id = UUID.randomUUID();
        passGates(branch, service, date, id, previous, pass);
        Instant expiresAt = now.plus(properties.holdDuration());
        ApplicantInput carried = draft;
        TakenPlace place = inventory.take(branch, service, date, start, (taken, offering) -> {
            repository.insertHold(id, taken.slotId(), now, expiresAt, carried);
            return taken;
        });
        return new Hold(id, place.branchCode(), place.serviceCode(), place.day(), place.start(), place.end(), expiresAt,
                true, draft);
    }

    private void passGates(String branch, String service, LocalDate date, UUID hold, UUID previous,
            HoldGate.Pass pass) {
        for (HoldGate holdGate : gates) {
            holdGate.admit(branch, service, date, hold, previous, pass);
        }
    }

    public Optional<Hold> findHold(UUID id) {
        return repository.findHold(id, clock.instant());
    }

    @RetryOnConflict
    @Transactional
    public void saveDraft(UUID holdId, ApplicantInput draft) {
        repository.saveDraft(holdId, draft);
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
        Optional<BookingRepository.KeyedAppointment> earlier = repository.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            return new Booked(earlier.get().appointment(), true);
        }
        gate.run();
        // The branch's schedule lock before the hold's row: a change of the schedule may free this hold.
        if (request instanceof FromHold fromHold) {
            repository.branchOfHold(fromHold.holdId()).ifPresent(inventory::enterBranch);
        }
        BookingRepository.LockedHold hold = request instanceof FromHold fromHold
                ? repository.lockHold(fromHold.holdId())
                        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND"))
                : null;
        FromSlot slot = request instanceof FromSlot fromSlot ? fromSlot : null;
        String serviceCode = hold != null ? hold.place().serviceCode() : slot.service();
        blocks.refuseNewBooking(applicant.documentType().name(), applicant.documentNumber(), applicant.email());
        repository.findActive(applicant.documentType(), applicant.documentNumber(), serviceCode).ifPresent(existing -> {
            throw new AlreadyBooked(existing);
        });
        BookingRepository.ActiveCounts active = repository.countActive(applicant.documentType(),
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
            return record(placeOfHold(hold), applicant, language, idempotencyKey, requestHash, confirmByEmail);
        }
        // A slot named directly shows no pass: where a gate asks for one, the API's hold with its pass is the way.
        passGates(slot.branch(), slot.service(), slot.date(), null, null, HoldGate.Pass.NONE);
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
            String code = codes.generate();
            Instant deadline = now.plus(properties.holdDuration());
            repository.insertCode(reference, codes.hash(reference, code), deadline);
            events.publishEvent(new AppointmentEvent.ConfirmationRequested(appointment, code, deadline, false));
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
        if (!repository.confirm(reference, now)) {
            return whyRefused(reference, now);
        }
        repository.markCodeUsed(reference, now);
        Appointment appointment = repository.findByReference(reference).orElseThrow();
        events.publishEvent(new AppointmentEvent.Confirmed(appointment));
        return appointment;
    }

    private ApiProblem whyRefused(String reference, Instant now) {
        Appointment appointment = repository.findByReference(reference).orElse(null);
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
        Appointment appointment = repository.findByReference(ref).orElseThrow();
        events.publishEvent(new AppointmentEvent.ConfirmationRequested(appointment, code, deadline.get(), true));
        return appointment;
    }

    /** When a PENDING appointment must be confirmed by; empty once it is not waiting for a code. */
    public Optional<Instant> confirmationDeadline(String reference) {
        return repository.codeState(Reference.normalise(reference)).filter(c -> !c.used()).map(
                BookingRepository.CodeState::expiresAt);
    }

    /**
     * Cancels an appointment for whoever has its reference and document number, and gives its place
     * back. 404 {@code APPOINTMENT_NOT_FOUND} for a wrong pair; 409 {@code APPOINTMENT_NOT_ACTIVE} when
     * already cancelled; 409 {@code APPOINTMENT_PASSED} once its time has come.
     */
    @RetryOnConflict
    @Transactional
    public Appointment cancel(String reference, String documentNumber) {
        BookingRepository.LockedAppointment locked = lockOwned(reference, documentNumber);
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
        BookingRepository.LockedAppointment locked = lockOwned(reference, documentNumber);
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

    private BookingRepository.LockedAppointment lockOwned(String reference, String documentNumber) {
        String number = ApplicantValidation.normaliseDocumentNumber(documentNumber);
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
     * is tried again, so the applicant only loses it if someone else took the last place meanwhile; a
     * hold the branch released (its place taken back by a change) stops at once: 409 {@code SLOT_FULL}.
     * Refused as the inventory refuses a new place: 404 when the offering or branch was switched off,
     * 422 {@code NOT_BOOKABLE} once the slot has begun (branch time).
     */
    private TakenPlace placeOfHold(BookingRepository.LockedHold hold) {
        UUID holdId = hold.id();
        Instant now = clock.instant();
        if (!hold.released() && hold.expiresAt().isAfter(now)) {
            // A live hold keeps its place, but not once its slot has begun or its offering is switched off.
            TakenPlace place = hold.place();
            catalogue.requireOffered(place.branchCode(), place.serviceCode());
            if (!place.day().atTime(place.start()).isAfter(LocalDateTime.now(clock))) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_BOOKABLE", place.day(), place.start());
            }
            repository.deleteHold(holdId);
            return place;
        }
        if (hold.releasedEarly()) {
            // The branch took this place back (fewer places, a closure): the hold is over, not to be retried.
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", hold.place().day(), hold.place().start());
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
