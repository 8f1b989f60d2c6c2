package my.gov.temujanji.booking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking.FromHold;
import my.gov.temujanji.booking.Booking.FromSlot;
import my.gov.temujanji.booking.Booking.PlaceRequest;
import my.gov.temujanji.booking.BookingOutcome.Booked;
import my.gov.temujanji.booking.BookingOutcome.Made;
import my.gov.temujanji.booking.BookingOutcome.PendingConfirmation;
import my.gov.temujanji.booking.BookingOutcome;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.booking.confirmation.Confirmations.NewCode;
import my.gov.temujanji.booking.confirmation.Confirmations;
import my.gov.temujanji.booking.internal.AppointmentRepository.ActiveCounts;
import my.gov.temujanji.booking.internal.AppointmentRepository.KeyedAppointment;
import my.gov.temujanji.booking.internal.HoldRepository.LockedHold;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The booking transaction's body, in the caller's transaction: a refusal is thrown, so that everything
 * it did rolls back; {@code Booking} turns it into a {@link BookingOutcome}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BookingTransaction {

    /** A refusal of booking's own rules, to roll the transaction back with its outcome. */
    public static class Refused extends RuntimeException {

        private final transient BookingOutcome.Refusal outcome;
        private final transient Appointment existing;

        Refused(BookingOutcome.Refusal outcome, Appointment existing) {
            super(null, null, false, false);
            this.outcome = outcome;
            this.existing = existing;
        }

        public BookingOutcome.Refusal outcome() {
            return outcome;
        }

        /** For {@link BookingOutcome.AlreadyBooked}: the appointment whose owner is told. */
        public Optional<Appointment> existing() {
            return Optional.ofNullable(existing);
        }
    }

    private final SlotInventory inventory;
    private final Holds holds;
    private final AppointmentRepository repository;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Confirmations confirmations;
    private final Catalogue catalogue;
    private final Blocks blocks;

    public Made run(PlaceRequest request, Applicant applicant, String language,
            String idempotencyKey, Runnable gate) {
        String requestHash = hash(request, applicant);
        // The request key, then the document, then the address: one order for every request, so no two
        // wait on each other; then, from a slot named directly, its branch's schedule lock. One statement.
        inventory.enterBranch(request instanceof FromSlot named ? named.branch() : null,
                "idempotency:" + idempotencyKey,
                "document:" + applicant.documentType() + ":" + applicant.documentNumber(),
                "email:" + applicant.email().toLowerCase(Locale.ROOT));
        Optional<KeyedAppointment> earlier = repository.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            return made(earlier.get().appointment(), true);
        }
        gate.run();
        LockedHold hold = request instanceof FromHold fromHold ? holds.lockForBooking(fromHold.holdId()) : null;
        FromSlot slot = request instanceof FromSlot fromSlot ? fromSlot : null;
        String serviceCode = hold != null ? hold.place().serviceCode() : slot.service();
        blocks.refuseNewBooking(applicant.documentType().name(), applicant.documentNumber(), applicant.email());
        // One read for the type's active appointment and the counts behind the limits (checked in that order).
        ActiveCounts active = repository.countActive(applicant.documentType(), applicant.documentNumber(),
                applicant.email(), serviceCode, LocalDateTime.now(clock));
        active.ofService().ifPresent(existing -> {
            throw new Refused(new BookingOutcome.AlreadyBooked(), existing);
        });
        if (active.byDocument() >= properties.maxActivePerDocument()) {
            throw new Refused(new BookingOutcome.TooManyAppointments(properties.maxActivePerDocument(), false), null);
        }
        if (active.byEmail() >= properties.maxActivePerEmail()) {
            throw new Refused(new BookingOutcome.TooManyAppointments(properties.maxActivePerEmail(), true), null);
        }
        if (hold != null) {
            boolean confirmByEmail = properties.confirmsByEmail(
                    catalogue.requireOffering(hold.place().branchCode(), hold.place().serviceCode()));
            return record(holds.placeOf(hold), applicant, language, idempotencyKey, requestHash, confirmByEmail);
        }
        // A slot named directly shows no pass: where a gate asks for one, the API's hold with its pass is the way.
        holds.passGates(slot.branch(), slot.service(), slot.date(), null, null, HoldGate.Pass.NONE);
        // From a slot, the appointment is written before its place is counted: the slot's row, which every
        // booking of the slot waits for, is then locked only from the count to the commit.
        return inventory.take(slot.branch(), slot.service(), slot.date(), slot.start(), (place, offering) ->
                record(place, applicant, language, idempotencyKey, requestHash, properties.confirmsByEmail(offering)));
    }

    static String documentKey(Applicant person) {
        return "document:" + person.documentType() + ":" + person.documentNumber();
    }

    /** Writes the appointment in a place taken (or being taken) and what it sets off: the code or the e-mail. */
    private Made record(TakenPlace place, Applicant applicant, String language, String idempotencyKey,
            String requestHash, boolean confirmByEmail) {
        String reference = Reference.generate();
        Instant now = clock.instant();
        AppointmentStatus status = confirmByEmail ? AppointmentStatus.PENDING : AppointmentStatus.CONFIRMED;
        // A code waited for is written with the appointment, in the same statement.
        NewCode code = confirmByEmail ? confirmations.newCode(reference, now) : null;
        repository.insertAppointment(reference, status, place, applicant, language, idempotencyKey, requestHash, now,
                code == null ? null : code.hash(), code == null ? null : code.deadline());
        Appointment appointment = new Appointment(reference, status, place.branchCode(),
                place.serviceCode(), place.day(), place.start(), place.end(), applicant, now, language);
        if (code != null) {
            confirmations.requested(appointment, code);
        } else {
            events.publishEvent(new AppointmentEvent.Booked(appointment));
        }
        return made(appointment, false);
    }

    private static Made made(Appointment appointment, boolean replayed) {
        // A replay finds the appointment as it is now: the pages lead a confirmed one to its slip.
        return appointment.confirmed() ? new Booked(appointment, replayed)
                : new PendingConfirmation(appointment, replayed);
    }

    static String hash(PlaceRequest request, Object applicants) {
        String canonical = request + "|" + applicants;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
