package my.gov.temujanji.waitlist.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.audit.AuditLog;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.RetryOnConflict;
import my.gov.temujanji.schedule.SlotInventory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What becomes of an offer: taken by its applicant, left with the waitlist, or lapsed at its deadline.
 * Each first takes the branch's schedule lock, then locks the offer's row, so one answer settles it.
 */
@Service
@RequiredArgsConstructor
class OfferAnswers {

    private final WaitlistRepository repository;
    private final Offers offers;
    private final SlotInventory inventory;
    private final Booking booking;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * Takes the place offered: it becomes a booking hold, in one transaction (the slot's row stays
     * locked from the offer's place given back to the hold taking it, so no one else can take it), with
     * the entry's document and e-mail address filled in; the applicant then books as from any hold.
     * Taking it again leads to the same hold. 404 {@code WAITLIST_OFFER_NOT_FOUND}; 410
     * {@code WAITLIST_OFFER_EXPIRED} after its deadline; 409 {@code WAITLIST_OFFER_OVER} once passed on.
     */
    @RetryOnConflict
    @Transactional
    public UUID accept(UUID offerId) {
        Offer seen = repository.findOffer(offerId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "WAITLIST_OFFER_NOT_FOUND"));
        Optional<UUID> taken = repository.holdOf(offerId);
        if (taken.isPresent()) {
            return taken.get();
        }
        inventory.enterBranch(seen.place().branchCode());
        Instant now = clock.instant();
        Offer offer = repository.lockLive(offerId).filter(o -> o.deadline().isAfter(now)).orElseThrow(() ->
                seen.deadline().isAfter(now) ? new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_OFFER_OVER")
                        : new ApiProblem(HttpStatus.GONE, "WAITLIST_OFFER_EXPIRED"));
        Entry entry = repository.find(offer.entryId()).orElseThrow();
        Offer.Place place = offer.place();
        inventory.release(place.slotId());
        UUID hold = booking.holdFor(place.branchCode(), place.serviceCode(), place.day(), place.start(),
                new ApplicantInput("", entry.documentType(), entry.documentNumber(), "", entry.email(), ""));
        repository.accepted(offerId, hold);
        repository.settlePlace(place.id(), "ACCEPTED", now);
        repository.moveEntry(entry.id(), "ACCEPTED", "OFFERED");
        audit.recordAs(Offers.ACTOR, "WAITLIST_OFFER_ACCEPTED", "waitlist_offer", offerId.toString(),
                place.branchCode(), null, Map.of("entry", entry.id().toString(), "hold", hold.toString()));
        return hold;
    }

    /**
     * Moves on an offer past its deadline, unless another node is doing so now (SKIP LOCKED): its entry
     * ends and the place goes to the next. False when there was nothing to do.
     */
    @RetryOnConflict
    @Transactional
    public boolean lapse(Offer due) {
        inventory.enterBranch(due.place().branchCode());
        Instant now = clock.instant();
        Optional<Offer> claimed = repository.claimLapsed(due.id(), now);
        if (claimed.isEmpty()) {
            return false;
        }
        repository.moveEntry(claimed.get().entryId(), "ENDED", "OFFERED");
        offers.end(claimed.get(), "LAPSED", now);
        return true;
    }

    /**
     * Takes an entry off the waitlist; a place offered to it now goes to the next. 404
     * {@code WAITLIST_ENTRY_NOT_FOUND}; 409 {@code WAITLIST_ENTRY_CLOSED} when it has already ended.
     */
    @RetryOnConflict
    @Transactional
    public void leave(UUID entryId) {
        Entry entry = repository.find(entryId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "WAITLIST_ENTRY_NOT_FOUND"));
        inventory.enterBranch(entry.branchCode());
        // The entry's row first: an offer being made to it now is waited for, then found below.
        if (!repository.moveEntry(entryId, "LEFT", "UNCONFIRMED", "WAITING", "OFFERED")) {
            throw new ApiProblem(HttpStatus.CONFLICT, "WAITLIST_ENTRY_CLOSED");
        }
        Instant now = clock.instant();
        repository.liveOfferOf(entryId).flatMap(o -> repository.lockLive(o.id()))
                .ifPresent(offer -> offers.end(offer, "WITHDRAWN", now));
    }
}
