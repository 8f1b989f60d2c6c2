package my.gov.temujanji.waitlist.internal;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** An entry as its applicant sees it: where it stands in the queue and what is offered to it now. */
@Component
@RequiredArgsConstructor
class WaitlistStatus {

    /** {@code position} null unless the entry waits or is offered a place; {@code offer} the live one, if any. */
    record Seen(Entry entry, Long position, Offer offer) {
    }

    private final WaitlistRepository repository;

    /** 404 {@code WAITLIST_ENTRY_NOT_FOUND} for an unknown entry. */
    Seen entry(UUID id) {
        return withPosition(repository.find(id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "WAITLIST_ENTRY_NOT_FOUND")));
    }

    Seen withPosition(Entry entry) {
        boolean queued = "WAITING".equals(entry.state()) || "OFFERED".equals(entry.state());
        return new Seen(entry, queued ? repository.position(entry) : null,
                repository.liveOfferOf(entry.id()).orElse(null));
    }
}
