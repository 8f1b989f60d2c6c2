package my.gov.temujanji.booking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
import my.gov.temujanji.booking.BookingGroup;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.GroupMember;
import my.gov.temujanji.booking.GroupOutcome;
import my.gov.temujanji.booking.Relationship;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.booking.confirmation.Confirmations.NewCode;
import my.gov.temujanji.booking.confirmation.Confirmations;
import my.gov.temujanji.booking.internal.AppointmentRepository.ActiveCounts;
import my.gov.temujanji.booking.internal.AppointmentRepository.GroupLink;
import my.gov.temujanji.booking.internal.AppointmentRepository.KeyedAppointment;
import my.gov.temujanji.booking.internal.HoldRepository.LockedHold;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
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
            boolean confirmByEmail = confirmsByEmail(
                    catalogue.requireOffering(hold.place().branchCode(), hold.place().serviceCode()));
            return record(holds.placeOf(hold), applicant, language, idempotencyKey, requestHash, confirmByEmail);
        }
        // A slot named directly shows no pass: where a gate asks for one, the API's hold with its pass is the way.
        holds.passGates(slot.branch(), slot.service(), slot.date(), null, null, HoldGate.Pass.NONE);
        // From a slot, the appointment is written before its place is counted: the slot's row, which every
        // booking of the slot waits for, is then locked only from the count to the commit.
        return inventory.take(slot.branch(), slot.service(), slot.date(), slot.start(), (place, offering) ->
                record(place, applicant, language, idempotencyKey, requestHash, confirmsByEmail(offering)));
    }

    /** A group refused for some of its people, to roll the transaction back with the outcome naming them. */
    public static class MembersRefused extends RuntimeException {

        private final transient GroupOutcome.MembersRefused outcome;

        MembersRefused(GroupOutcome.MembersRefused outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }

        public GroupOutcome.MembersRefused outcome() {
            return outcome;
        }
    }

    /**
     * Books the applicant and the people they added in one slot, or in it and the slots right after it
     * ({@link SlotInventory#takeGroup}): every person is checked as a booking alone is (blocks, an active
     * appointment of the type, the limit per document), all of them before anything is refused, so the
     * refusal names each one; the address's limit counts the group as one booking. The request key, then
     * every document in sorted order, then the address are locked in one statement: one global order, so
     * two groups sharing people never wait on each other in a circle.
     */
    public GroupOutcome.Made runGroup(PlaceRequest request, Applicant applicant, List<GroupMember> others,
            String language, String idempotencyKey, Runnable gate) {
        List<GroupMember> members = new ArrayList<>();
        members.add(new GroupMember(applicant, null, Relationship.SELF));
        members.addAll(others);
        String requestHash = hash(request, members);
        List<String> keys = new ArrayList<>();
        keys.add("idempotency:" + idempotencyKey);
        members.stream().map(m -> documentKey(m.person())).distinct().sorted().forEach(keys::add);
        keys.add("email:" + applicant.email().toLowerCase(Locale.ROOT));
        repository.lock(keys.toArray(String[]::new));
        Optional<KeyedAppointment> earlier = repository.findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
            }
            return new GroupOutcome.Made(repository.findGroupOf(earlier.get().appointment().reference()).orElseThrow(),
                    true);
        }
        gate.run();
        LockedHold hold = request instanceof FromHold fromHold ? holds.lockForBooking(fromHold.holdId()) : null;
        FromSlot slot = hold == null ? (FromSlot) request : new FromSlot(hold.place().branchCode(),
                hold.place().serviceCode(), hold.place().day(), hold.place().start());
        if (hold == null) {
            holds.passGates(slot.branch(), slot.service(), slot.date(), null, null, HoldGate.Pass.NONE);
        }
        refuseMembers(members, slot.service());
        ActiveCounts byEmail = repository.countActive(applicant.documentType(), applicant.documentNumber(),
                applicant.email(), slot.service(), LocalDateTime.now(clock));
        if (byEmail.byEmail() >= properties.maxActivePerEmail()) {
            throw new Refused(new BookingOutcome.TooManyAppointments(properties.maxActivePerEmail(), true), null);
        }
        if (hold != null) {
            holds.giveUpForGroup(hold);
        }
        List<TakenPlace> places = inventory.takeGroup(slot.branch(), slot.service(), slot.date(), slot.start(),
                members.size());
        Instant now = clock.instant();
        boolean confirmByEmail = confirmsByEmail(catalogue.requireOffering(slot.branch(), slot.service()));
        AppointmentStatus status = confirmByEmail ? AppointmentStatus.PENDING : AppointmentStatus.CONFIRMED;
        long groupId = repository.insertGroup(now);
        List<BookingGroup.Member> booked = new ArrayList<>();
        NewCode applicantCode = null;
        for (int position = 0; position < members.size(); position++) {
            GroupMember member = members.get(position);
            TakenPlace place = places.get(position);
            String reference = Reference.generate();
            // The group's one code is the applicant's, written with their row.
            NewCode code = confirmByEmail && position == 0 ? confirmations.newCode(reference, now) : null;
            applicantCode = position == 0 ? code : applicantCode;
            // Every row needs a key of its own: the applicant's is the request's, so a replay finds the group.
            repository.insertAppointment(reference, status, place, member.person(), language,
                    position == 0 ? idempotencyKey : idempotencyKey + "#" + position, requestHash, now,
                    code == null ? null : code.hash(), code == null ? null : code.deadline(),
                    new GroupLink(groupId, position, member.dateOfBirth(), member.relationship()));
            booked.add(new BookingGroup.Member(position, new Appointment(reference, status, place.branchCode(),
                    place.serviceCode(), place.day(), place.start(), place.end(), member.person(), now, language),
                    member.dateOfBirth(), member.relationship()));
        }
        BookingGroup group = new BookingGroup(groupId, booked);
        if (confirmByEmail) {
            confirmations.requested(group.applicant(), applicantCode);
        } else {
            events.publishEvent(new AppointmentEvent.GroupConfirmed(group));
        }
        return new GroupOutcome.Made(group, false);
    }

    /**
     * Refuses the group, naming every person who cannot book, before any place is taken. Unlike a booking
     * alone, no owner is e-mailed about an appointment met: the refusal changes nothing in the database.
     */
    private void refuseMembers(List<GroupMember> members, String serviceCode) {
        List<GroupOutcome.MemberRefusal> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDateTime now = LocalDateTime.now(clock);
        for (int position = 0; position < members.size(); position++) {
            Applicant person = members.get(position).person();
            GroupOutcome.Reason reason = null;
            if (!seen.add(documentKey(person))) {
                reason = GroupOutcome.Reason.SAME_DOCUMENT;
            } else if (blocks.find(person.documentType().name(), person.documentNumber(),
                    position == 0 ? person.email() : null).isPresent()) {
                reason = GroupOutcome.Reason.BLOCKED;
            } else {
                ActiveCounts active = repository.countActive(person.documentType(), person.documentNumber(),
                        person.email(), serviceCode, now);
                if (active.ofService().isPresent()) {
                    reason = GroupOutcome.Reason.ALREADY_BOOKED;
                } else if (active.byDocument() >= properties.maxActivePerDocument()) {
                    reason = GroupOutcome.Reason.TOO_MANY_APPOINTMENTS;
                }
            }
            if (reason != null) {
                refused.add(new GroupOutcome.MemberRefusal(position, reason));
            }
        }
        if (!refused.isEmpty()) {
            throw new MembersRefused(new GroupOutcome.MembersRefused(refused));
        }
    }

    private static String documentKey(Applicant person) {
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

    private boolean confirmsByEmail(Offering offering) {
        Boolean ofType = offering.type().emailConfirmation();
        return ofType != null ? ofType : properties.emailConfirmation();
    }

    private static Made made(Appointment appointment, boolean replayed) {
        // A replay finds the appointment as it is now: the pages lead a confirmed one to its slip.
        return appointment.confirmed() ? new Booked(appointment, replayed)
                : new PendingConfirmation(appointment, replayed);
    }

    private static String hash(PlaceRequest request, Object applicants) {
        String canonical = request + "|" + applicants;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
