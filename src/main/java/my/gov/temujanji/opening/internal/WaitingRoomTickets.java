package my.gov.temujanji.opening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.confirmation.ConfirmationCodes;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.notification.TicketMails;
import my.gov.temujanji.opening.internal.Releases.Release;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking, confirming and leaving a ticket. Locks are taken in one order, the release's row before a
 * ticket's: a confirmation and the draw each hold the release's row, so no ticket confirmed before the
 * draw is left out of it and none after is put in it; one confirmed after the draw takes the next place
 * at the back under the same lock, in the order the confirmations commit.
 */
@Service
@RequiredArgsConstructor
class WaitingRoomTickets {

    /** A ticket as its row has it; {@code position} null until the draw (or, late, its confirmation). */
    record Ticket(UUID id, long releaseId, String branch, String language, String clientHash, Instant codeDeadline,
            Instant confirmedAt, Integer position, Instant admittedAt, UUID holdId, Instant leftAt) {
    }

    private static final String COLUMNS = """
            id, release_id, branch_code, language, client_hash, code_deadline, confirmed_at, position, admitted_at,
            hold_id, left_at""";

    private final JdbcClient jdbc;
    private final Releases releases;
    private final Catalogue catalogue;
    private final Blocks blocks;
    private final ConfirmationCodes codes;
    private final TicketMails mails;
    private final BookingProperties booking;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /**
     * Takes a ticket, not yet confirmed: the code goes to {@code email}. Asking again for the same
     * document before confirming replaces the code (and the browser). 409 {@code WAITING_ROOM_CLOSED},
     * {@code TICKET_EXISTS} (the document has a confirmed ticket for this release), {@code TOO_MANY_TICKETS}
     * (the address has as many confirmed tickets as it may have appointments); 403 {@code BOOKING_REFUSED}
     * for a blocked document or address; 404 for an unknown branch or service.
     */
    Joined join(String service, String branch, DocumentType type, String number, String email, String language,
            String client) {
        catalogue.requireOffered(branch, service);
        String address = email.toLowerCase(Locale.ROOT);
        blocks.refuseNewBooking(type.name(), number, address);
        return transactions.execute(status -> {
            Release release = releases.current(service)
                    .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "WAITING_ROOM_CLOSED"));
            // The address's count and the new ticket under one lock per release and address, on every node.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                    .param("opening-email:" + release.id() + ":" + address).query().singleRow();
            int others = jdbc.sql("""
                            SELECT count(*) FROM opening_ticket WHERE release_id = ? AND email = ?
                              AND confirmed_at IS NOT NULL AND NOT (document_type = ? AND document_number = ?)""")
                    .params(release.id(), address, type.name(), number).query(Integer.class).single();
            if (others >= booking.maxActivePerEmail()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "TOO_MANY_TICKETS", booking.maxActivePerEmail());
            }
            String code = codes.generate();
            Instant now = clock.instant();
            Optional<UUID> id = jdbc.sql("""
                            INSERT INTO opening_ticket (id, release_id, branch_code, document_type, document_number,
                                email, language, client_hash, code_hash, code_deadline, joined_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (release_id, document_type, document_number) DO UPDATE SET
                                branch_code = excluded.branch_code, email = excluded.email,
                                language = excluded.language, client_hash = excluded.client_hash,
                                code_hash = excluded.code_hash, code_deadline = excluded.code_deadline, code_tries = 0,
                                joined_at = excluded.joined_at, left_at = NULL
                            WHERE opening_ticket.confirmed_at IS NULL
                            RETURNING id""")
                    .params(UUID.randomUUID(), release.id(), branch, type.name(), number, address, language,
                            Passes.clientHash(client), codes.hash(codeReference(release, type, number), code),
                            Timestamp.from(now.plus(booking.holdDuration())), Timestamp.from(now))
                    .query(UUID.class).optional();
            if (id.isEmpty()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "TICKET_EXISTS");
            }
            mails.sendCode(address, language, code);
            return new Joined(id.get(), release);
        });
    }

    /** A ticket just taken, not confirmed yet, and its release. */
    record Joined(UUID ticket, Release release) {
    }

    private static String codeReference(Release release, DocumentType type, String number) {
        return "ticket:" + release.id() + ":" + type + ":" + number;
    }

    private enum Confirmation { DONE, WRONG, DEAD }

    /**
     * Confirms a ticket with its code, from the browser that took it: before the opening it waits for
     * the draw; after it, it takes the next place at the back. Confirming again changes nothing. 404
     * {@code TICKET_NOT_FOUND}, 422 {@code TICKET_CODE_WRONG}, 410 {@code TICKET_CODE_EXPIRED} (after the deadline or too
     * many wrong tries: ask for a ticket again).
     */
    Ticket confirm(UUID id, String code, String client) {
        Ticket found = find(id, client);
        Confirmation outcome = transactions.execute(status -> {
            // Exclusively, drawing first when the opening has passed: a shared lock upgraded by two
            // confirmations at once would deadlock, and a confirmation is a few milliseconds.
            Release release = releases.draw(found.releaseId());
            Instant now = clock.instant();
            Row row = jdbc.sql("SELECT confirmed_at, code_hash, code_tries, code_deadline, document_type, "
                            + "document_number FROM opening_ticket WHERE id = ? FOR UPDATE")
                    .param(id).query(WaitingRoomTickets::row).single();
            if (row.confirmed()) {
                return Confirmation.DONE;
            }
            if (row.tries() >= booking.confirmationTries() || !now.isBefore(row.deadline())) {
                return Confirmation.DEAD;
            }
            String typed = ConfirmationCodes.normalise(code);
            if (typed == null || !codes.matches(codeReference(release, row.type(), row.number()), typed, row.hash())) {
                jdbc.sql("UPDATE opening_ticket SET code_tries = code_tries + 1 WHERE id = ?").param(id).update();
                return Confirmation.WRONG;
            }
            Integer position = null;
            if (release.drawnAt() != null) {
                position = jdbc.sql("UPDATE opening_release SET late_count = late_count + 1 WHERE id = ? "
                        + "RETURNING drawn_count + late_count").param(release.id()).query(Integer.class).single();
            }
            jdbc.sql("UPDATE opening_ticket SET confirmed_at = ?, position = ?, code_hash = NULL WHERE id = ?")
                    .params(Timestamp.from(now), position, id).update();
            return Confirmation.DONE;
        });
        return switch (outcome) {
            case DONE -> find(id, client);
            case WRONG -> throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "TICKET_CODE_WRONG");
            case DEAD -> throw new ApiProblem(HttpStatus.GONE, "TICKET_CODE_EXPIRED");
        };
    }

    private record Row(boolean confirmed, String hash, int tries, Instant deadline, DocumentType type,
            String number) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getTimestamp("confirmed_at") != null, rs.getString("code_hash"), rs.getInt("code_tries"),
                rs.getTimestamp("code_deadline").toInstant(), DocumentType.valueOf(rs.getString("document_type")),
                rs.getString("document_number"));
    }

    /** The ticket, for the browser (or API client) that took it only: 404 {@code TICKET_NOT_FOUND} otherwise. */
    Ticket find(UUID id, String client) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opening_ticket WHERE id = ?").param(id)
                .query(WaitingRoomTickets::ticket).optional()
                .filter(t -> client != null && t.clientHash().equals(Passes.clientHash(client)))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "TICKET_NOT_FOUND"));
    }

    /** Admits the ticket when its place has come, once: whichever node asks first writes the time. */
    Ticket admitIfDue(Ticket ticket, Release release, long admitted) {
        if (ticket.admittedAt() != null || ticket.position() == null || ticket.position() > admitted
                || ticket.leftAt() != null) {
            return ticket;
        }
        jdbc.sql("UPDATE opening_ticket SET admitted_at = ? WHERE id = ? AND admitted_at IS NULL")
                .params(Timestamp.from(clock.instant()), ticket.id()).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM opening_ticket WHERE id = ?").param(ticket.id())
                .query(WaitingRoomTickets::ticket).single();
    }

    /** Leaves the waiting room: the place in the order is given up and the pass, if any, no longer works. */
    void leave(UUID id, String client) {
        find(id, client);
        jdbc.sql("UPDATE opening_ticket SET left_at = ? WHERE id = ? AND left_at IS NULL")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    /**
     * Spends the ticket's pass on a hold at its branch: true once per ticket (or again for the hold that
     * replaces the one it was spent on), for an admitted ticket not left, whose pass is still valid.
     */
    boolean spend(UUID ticket, String clientHash, long releaseId, String branch, UUID hold, UUID previous,
            Duration passTtl) {
        return jdbc.sql("""
                        UPDATE opening_ticket SET hold_id = ?
                        WHERE id = ? AND client_hash = ? AND release_id = ? AND branch_code = ? AND left_at IS NULL
                          AND admitted_at IS NOT NULL AND admitted_at + ? * interval '1 millisecond' > ?
                          AND (hold_id IS NULL OR hold_id = ?)""")
                .params(hold, ticket, clientHash, releaseId, branch, passTtl.toMillis(),
                        Timestamp.from(clock.instant()), previous)
                .update() == 1;
    }

    private static Ticket ticket(ResultSet rs, int n) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getLong("release_id"), rs.getString("branch_code"),
                rs.getString("language"), rs.getString("client_hash"), instant(rs, "code_deadline"),
                instant(rs, "confirmed_at"), (Integer) rs.getObject("position"), instant(rs, "admitted_at"),
                rs.getObject("hold_id", UUID.class), instant(rs, "left_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
