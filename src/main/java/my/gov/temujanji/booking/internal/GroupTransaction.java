package my.gov.temujanji.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.GroupMember;
import my.gov.temujanji.applicant.Relationship;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking.FromHold;
import my.gov.temujanji.booking.Booking.FromSlot;
import my.gov.temujanji.booking.Booking.PlaceRequest;
import my.gov.temujanji.booking.BookingGroup;
import my.gov.temujanji.booking.BookingOutcome;
import my.gov.temujanji.booking.BookingOutcome.Made;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.GroupOutcome;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.booking.confirmation.Confirmations;
import my.gov.temujanji.booking.confirmation.Confirmations.NewCode;
import my.gov.temujanji.booking.internal.AppointmentRepository.ActiveCounts;
import my.gov.temujanji.booking.internal.AppointmentRepository.GroupLink;
import my.gov.temujanji.booking.internal.AppointmentRepository.KeyedAppointment;
import my.gov.temujanji.booking.internal.HoldRepository.LockedHold;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The group booking transaction's body (issue 19), in the caller's transaction, beside
 * {@link BookingTransaction}'s for one person: all of a group's places or none, every person checked
 * before anything is refused. A refusal is thrown, so that everything it did rolls back;
 * {@code GroupBooking} turns it into a {@link GroupOutcome}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class GroupTransaction {

    private final SlotInventory inventory;
    private final Holds holds;
    private final AppointmentRepository repository;
    private final BookingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Confirmations confirmations;
    private final Catalogue catalogue;
    private final Blocks blocks;

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
    public GroupOutcome.Made run(PlaceRequest request, Applicant applicant, List<GroupMember> others,
            String language, String idempotencyKey, Runnable gate) {
        List<GroupMember> members = new ArrayList<>();
        members.add(new GroupMember(applicant, null, Relationship.SELF));
        members.addAll(others);
        String requestHash = BookingTransaction.hash(request, members);
        List<String> keys = new ArrayList<>();
        keys.add("idempotency:" + idempotencyKey);
        members.stream().map(m -> BookingTransaction.documentKey(m.person())).distinct().sorted().forEach(keys::add);
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
            throw new BookingTransaction.Refused(new BookingOutcome.TooManyAppointments(properties.maxActivePerEmail(), true), null);
        }
        if (hold != null) {
            holds.giveUpForGroup(hold);
        }
        List<TakenPlace> places = inventory.takeGroup(slot.branch(), slot.service(), slot.date(), slot.start(),
                members.size());
        Instant now = clock.instant();
        boolean confirmByEmail = properties.confirmsByEmail(catalogue.requireOffering(slot.branch(), slot.service()));
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
            if (!seen.add(BookingTransaction.documentKey(person))) {
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
}
