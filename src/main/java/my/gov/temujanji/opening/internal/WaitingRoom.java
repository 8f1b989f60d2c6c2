package my.gov.temujanji.opening.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.opening.internal.Releases.Release;
import my.gov.temujanji.opening.internal.WaitingRoomTickets.Ticket;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.Availability;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a ticket stands, and the gate on holds of a release's days. The place admitted by an instant is
 * a function of the instant alone ({@link OpeningProperties#admittedBy}), so every node answers alike
 * and a node's death skips no one; the draw is done by the first request after the opening on any node.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WaitingRoom {

    /** What a ticket's holder sees. */
    public enum Stage { UNCONFIRMED, WAITING_FOR_DRAW, WAITING, ADMITTED, USED, EXPIRED, LEFT }

    /**
     * {@code ahead}: tickets before this one still waiting; {@code waitSeconds}: the estimate until
     * admission (until the opening before the draw); {@code pass} only while ADMITTED.
     */
    public record Status(Ticket ticket, Release release, Stage stage, long ahead, long waitSeconds, String pass,
            Instant passExpires) {
    }

    private final Releases releases;
    private final WaitingRoomTickets tickets;
    private final Passes passes;
    private final Catalogue catalogue;
    private final Availability availability;
    private final OpeningProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public Status status(UUID id, String client) {
        Ticket ticket = tickets.find(id, client);
        Release release = releases.find(ticket.releaseId()).orElseThrow();
        Instant now = clock.instant();
        if (release.opened(now) && release.drawnAt() == null) {
            long releaseId = release.id();
            release = transactions.execute(status -> releases.draw(releaseId));
            ticket = tickets.find(id, client);
        }
        if (ticket.leftAt() != null) {
            return new Status(ticket, release, Stage.LEFT, 0, 0, null, null);
        }
        if (ticket.confirmedAt() == null) {
            return new Status(ticket, release, Stage.UNCONFIRMED, 0, 0, null, null);
        }
        if (ticket.position() == null) {
            return new Status(ticket, release, Stage.WAITING_FOR_DRAW, 0,
                    Math.max(0, Duration.between(now, release.opensAt()).toSeconds()), null, null);
        }
        long admitted = properties.admittedBy(Duration.between(release.opensAt(), now).toMillis());
        ticket = tickets.admitIfDue(ticket, release, admitted);
        if (ticket.admittedAt() == null) {
            long behind = ticket.position() - admitted;
            return new Status(ticket, release, Stage.WAITING, behind - 1,
                    (behind + properties.admissionRate() - 1) / properties.admissionRate(), null, null);
        }
        if (ticket.holdId() != null) {
            return new Status(ticket, release, Stage.USED, 0, 0, null, null);
        }
        Instant expires = ticket.admittedAt().plus(properties.passTtl());
        if (!now.isBefore(expires)) {
            return new Status(ticket, release, Stage.EXPIRED, 0, 0, null, null);
        }
        return new Status(ticket, release, Stage.ADMITTED, 0, 0, passes.issue(id, expires, ticket.clientHash()),
                expires);
    }

    /** Today's release of the transaction type when {@code date} is one of its days and its waiting room is on. */
    Optional<Release> releaseOf(String service, LocalDate date) {
        Optional<TransactionType> type = catalogue.transactionTypes().stream()
                .filter(t -> t.code().equals(service)).findFirst();
        // Days released earlier are booked as always: most holds end here, before any read of the release.
        if (type.isEmpty() || my.gov.temujanji.schedule.Release.on(type.get(), LocalDate.now(clock))
                .filter(days -> days.contains(date)).isEmpty()) {
            return Optional.empty();
        }
        return releases.current(service);
    }

    /** The transaction type's waiting room, open now, for the pages. */
    public Optional<Release> open(String service) {
        return releases.current(service);
    }

    /**
     * Lets a hold of a release's day through with a valid pass of this browser, spent on it in the
     * hold's transaction. 403 {@code PASS_REQUIRED} without a pass, {@code PASS_INVALID} for one that is
     * forged, expired or another browser's; 409 {@code PASS_USED} once it was spent.
     */
    public void admit(String branch, String service, LocalDate date, UUID hold, UUID previous, String pass, String client) {
        Optional<Release> release = releaseOf(service, date);
        if (release.isEmpty()) {
            return;
        }
        if (hold == null || pass == null || client == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "PASS_REQUIRED");
        }
        UUID ticket = passes.verify(pass, client, clock.instant())
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "PASS_INVALID"));
        if (!tickets.spend(ticket, Passes.clientHash(client), release.get().id(), branch, hold, previous,
                properties.passTtl())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "PASS_USED");
        }
    }

    /**
     * Whether a hold of this day (null: of a day released today) would need a pass this browser does not
     * show (a valid one).
     */
    public boolean needsPass(String service, LocalDate date, String pass, String client) {
        Optional<Release> release = date == null ? releases.current(service) : releaseOf(service, date);
        return release.isPresent() && passes.verify(pass, client, clock.instant()).isEmpty();
    }
}
