package my.gov.temujanji.waitlist.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentEvent;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.branchconfig.SlotOverfilled;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory;
import my.gov.temujanji.waitlist.WaitlistEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands places given back along the waitlist. A place a booking gives back (cancelled, unconfirmed,
 * moved away) is offered, in the transaction that gave it back, to the first entry in queue order whose
 * range and part of the day it suits: it is taken straight from its release delay into the offer, so
 * it is never free to the public. When an offer ends unanswered or withdrawn, the place goes to the
 * next such entry; when none is left, it goes back to the public after the release delay.
 *
 * <p>Locks, after the branch's schedule lock (the global order): the offer's row, then the slot's, then
 * entries, which are taken with SKIP LOCKED so two places given back at once go to two entries.
 */
@Component
@RequiredArgsConstructor
class Offers {

    /** Who the audit log names for what the waitlist decides by itself. */
    static final String ACTOR = "waitlist";

    private final WaitlistRepository repository;
    private final SlotInventory inventory;
    private final WaitlistProperties properties;
    private final BookingProperties bookingProperties;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * A booking gave its place back. A cancellation by the branch is the branch taking the place away,
     * and a late arrival's place is at a time that has come: neither is offered.
     */
    @EventListener
    void on(AppointmentEvent event) {
        Appointment a = event.appointment();
        if (event instanceof AppointmentEvent.Cancelled || event instanceof AppointmentEvent.Expired) {
            givenBack(a.branchCode(), a.serviceCode(), a.date(), a.start(), a.end());
        } else if (event instanceof AppointmentEvent.Rescheduled moved) {
            LocalTime previousEnd = moved.previousStart().plus(Duration.between(a.start(), a.end()));
            givenBack(a.branchCode(), a.serviceCode(), moved.previousDate(), moved.previousStart(), previousEnd);
        }
    }

    /**
     * A change of the branch's schedule takes places from a slot: the places held there for offers go
     * first, before any appointment is cancelled; their entries wait again, keeping their turn.
     */
    @EventListener
    void on(SlotOverfilled overfilled) {
        Instant now = clock.instant();
        for (Offer offer : repository.lockLiveIn(overfilled.slotId(), overfilled.excess())) {
            repository.settleOffer(offer.id(), "TAKEN_BACK");
            repository.moveEntry(offer.entryId(), "WAITING", "OFFERED");
            repository.settlePlace(offer.place().id(), "RETURNED", now);
            inventory.release(offer.place().slotId());
            audit.recordAs(ACTOR, "WAITLIST_OFFER_TAKEN_BACK", "waitlist_offer", offer.id().toString(),
                    offer.place().branchCode(), null, Map.of("entry", offer.entryId().toString()));
        }
    }

    private void givenBack(String branch, String service, LocalDate day, LocalTime start, LocalTime end) {
        Instant now = clock.instant();
        Instant deadline = properties.deadline(now, startOf(day, start));
        if (deadline == null || !repository.enabled(service)) {
            return;
        }
        Optional<Entry> first = repository.lockFirstMatching(branch, service, day, start, null);
        if (first.isEmpty()) {
            return; // no one waits for it: it waits out its release delay and goes to the public, as before
        }
        Optional<Long> slot = inventory.takeGivenBack(branch, service, day, start);
        if (slot.isEmpty()) {
            return; // given back without a delay (none configured): the public has it already
        }
        long placeId = repository.insertPlace(slot.get(), branch, service, day, start, end, now);
        offer(first.get(), new Offer.Place(placeId, slot.get(), branch, service, day, start, end), deadline, now);
    }

    /**
     * Offers a free place (a capacity increase, a closure lifted) to a waiting entry: the place is taken
     * as a booking takes one, so it goes to the entry or, already gone, to no one twice. False when the
     * entry waits no more; 409 {@code SLOT_FULL} or 422 {@code NOT_BOOKABLE} from the inventory.
     */
    @RetryOnConflict
    @Transactional
    public boolean offerFree(UUID entryId, String branch, String service, LocalDate day, LocalTime start) {
        inventory.enterBranch(branch);
        Instant now = clock.instant();
        Instant deadline = properties.deadline(now, startOf(day, start));
        Optional<Entry> entry = repository.lockWaiting(entryId);
        if (entry.isEmpty() || deadline == null) {
            return false;
        }
        SlotInventory.TakenPlace taken = inventory.take(branch, service, day, start);
        Offer.Place place = new Offer.Place(repository.insertPlace(taken.slotId(), branch, service, day, start,
                taken.end(), now), taken.slotId(), branch, service, day, start, taken.end());
        offer(entry.get(), place, deadline, now);
        return true;
    }

    private void offer(Entry entry, Offer.Place place, Instant deadline, Instant now) {
        UUID id = UUID.randomUUID();
        repository.insertOffer(id, place.id(), entry.id(), now, deadline);
        repository.moveEntry(entry.id(), "OFFERED", "WAITING");
        events.publishEvent(new WaitlistEvent.OfferMade(id, entry.email(), entry.language()));
        audit.recordAs(ACTOR, "WAITLIST_OFFERED", "waitlist_offer", id.toString(), place.branchCode(), null,
                Map.of("entry", entry.id().toString(), "service", place.serviceCode(), "day", place.day().toString(),
                        "start", place.start().toString(), "deadline", deadline.toString()));
    }

    /**
     * Ends a live offer the caller has locked and hands its place to the next matching entry, or back to
     * the public after the release delay when none is left (or too little time is).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void end(Offer offer, String state, Instant now) {
        repository.settleOffer(offer.id(), state);
        audit.recordAs(ACTOR, "WAITLIST_OFFER_" + state, "waitlist_offer", offer.id().toString(),
                offer.place().branchCode(), null, Map.of("entry", offer.entryId().toString()));
        Offer.Place place = offer.place();
        Instant deadline = properties.deadline(now, startOf(place.day(), place.start()));
        Optional<Entry> next = deadline == null || !repository.enabled(place.serviceCode()) ? Optional.empty()
                : repository.lockFirstMatching(place.branchCode(), place.serviceCode(), place.day(), place.start(),
                        place.id());
        if (next.isPresent()) {
            offer(next.get(), place, deadline, now);
            return;
        }
        inventory.releaseFrom(place.slotId(), now.plus(bookingProperties.releaseDelay()));
        repository.settlePlace(place.id(), "RETURNED", now);
        audit.recordAs(ACTOR, "WAITLIST_PLACE_RETURNED", "waitlist_place", Long.toString(place.id()),
                place.branchCode(), null, Map.of("service", place.serviceCode(), "day", place.day().toString(),
                        "start", place.start().toString()));
    }

    private Instant startOf(LocalDate day, LocalTime start) {
        return day.atTime(start).atZone(clock.getZone()).toInstant();
    }
}
