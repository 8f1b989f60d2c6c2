package my.gov.temujanji.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.MemberInput;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.booking.internal.HoldRepository.LockedHold;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.schedule.SlotInventory.TakenPlace;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds: a place kept for ten minutes while the applicant types their details, the draft kept on it,
 * and the turn of a hold into the place of an appointment.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Holds {

    private final SlotInventory inventory;
    private final HoldRepository repository;
    private final BookingProperties properties;
    private final Catalogue catalogue;
    private final Clock clock;
    private final List<HoldGate> gates;

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
        List<MemberInput> members = List.of();
        // Branch locks first, in code order (the global lock order), then the earlier hold's row.
        TreeSet<String> branches = new TreeSet<>(List.of(branch));
        if (previous != null) {
            repository.branchOfHold(previous).ifPresent(branches::add);
        }
        branches.forEach(inventory::enterBranch);
        if (previous != null) {
            Optional<LockedHold> old = repository.lockHold(previous);
            if (old.isPresent()) {
                draft = repository.draft(old.get().draft());
                members = repository.members(previous);
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
        List<MemberInput> carriedMembers = members;
        TakenPlace place = inventory.take(branch, service, date, start, (taken, offering) -> {
            repository.insertHold(id, taken.slotId(), now, expiresAt, carried);
            if (!carriedMembers.isEmpty()) {
                repository.saveMembers(id, carriedMembers);
            }
            return taken;
        });
        return new Hold(id, place.branchCode(), place.serviceCode(), place.day(), place.start(), place.end(), expiresAt,
                true, draft);
    }

    /** Every {@link HoldGate} (the waiting room's pass) lets this hold, or a slot named directly ({@code hold} null), be taken. */
    void passGates(String branch, String service, LocalDate date, UUID hold, UUID previous, HoldGate.Pass pass) {
        for (HoldGate gate : gates) {
            gate.admit(branch, service, date, hold, previous, pass);
        }
    }

    public Optional<Hold> findHold(UUID id) {
        return repository.findHold(id, clock.instant());
    }

    /** The people the applicant added on this hold's pages, as typed. */
    public List<MemberInput> members(UUID holdId) {
        return repository.members(holdId);
    }

    @RetryOnConflict
    @Transactional
    public void saveMembers(UUID holdId, List<MemberInput> members) {
        repository.saveMembers(holdId, members);
    }

    @RetryOnConflict
    @Transactional
    public void saveDraft(UUID holdId, ApplicantInput draft) {
        repository.saveDraft(holdId, draft);
    }

    /**
     * The hold a booking is made from, locked until the booking's transaction ends, after its branch's
     * schedule lock (a change of the schedule may free this hold); 404 {@code HOLD_NOT_FOUND}. In the
     * booking's transaction, as {@link #placeOf} (not a transactional proxy: a refusal rolls it back whole).
     */
    public LockedHold lockForBooking(UUID holdId) {
        repository.branchOfHold(holdId).ifPresent(inventory::enterBranch);
        return repository.lockHold(holdId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND"));
    }

    /**
     * Turns a hold into the appointment's place. A hold that ran out is given back and the same slot
     * is tried again, so the applicant only loses it if someone else took the last place meanwhile; a
     * hold the branch released (its place taken back by a change) stops at once: 409 {@code SLOT_FULL}.
     * Refused as the inventory refuses a new place: 404 when the offering or branch was switched off,
     * 422 {@code NOT_BOOKABLE} once the slot has begun (branch time).
     */
    public TakenPlace placeOf(LockedHold hold) {
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

    /**
     * Ends a hold a group is booked from, in the booking's transaction: its place is given back, to be
     * taken again at once by the group's one statement (the row stays locked by this transaction, so no
     * one else can take it meanwhile). A hold the branch released stops there: 409 {@code SLOT_FULL}.
     */
    public void giveUpForGroup(LockedHold hold) {
        if (hold.releasedEarly()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "SLOT_FULL", hold.place().day(), hold.place().start());
        }
        if (!hold.released()) {
            inventory.release(hold.slotId());
        }
        repository.deleteHold(hold.id());
    }

    /**
     * Gives back up to {@code places} live holds of a slot whose row the caller has locked, newest first
     * (nobody was told they have an appointment); returns how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int releaseNewest(long slotId, int places) {
        Instant now = clock.instant();
        List<UUID> holds = repository.lockNewestLiveHolds(slotId, places, now);
        for (UUID hold : holds) {
            repository.markReleased(hold, now);
            inventory.release(slotId);
        }
        return holds.size();
    }
}
