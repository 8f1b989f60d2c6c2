package my.gov.temujanji.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The waiting room through its API, as the tests take tickets: join, the e-mailed code, status, hold. */
final class TicketClient {

    static final String BRANCH = "JHR-BATU-PAHAT";
    static final String SERVICE = "BKP";

    /** A ticket an API client took: its id and its token. */
    record Ticket(UUID id, String token) {
    }

    private TicketClient() {
    }

    static void waitingRoom(JdbcClient jdbc, boolean on) {
        jdbc.sql("DELETE FROM opening_switch WHERE service_code = ?").param(SERVICE).update();
        if (on) {
            jdbc.sql("INSERT INTO opening_switch (service_code, waiting_room, changed_at) VALUES (?, true, now())")
                    .param(SERVICE).update();
        }
    }

    static Http.Response join(Http http, String myKad, String email) {
        return http.postJson("/api/v1/waiting-room/tickets", Map.of("branch", BRANCH, "service", SERVICE,
                "documentType", "MYKAD", "documentNumber", myKad, "email", email));
    }

    static Ticket joined(Http http, String email) {
        Http.Response joined = join(http, Applicants.nextMyKad(), email);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return new Ticket(UUID.fromString(joined.json().get("ticketId").asString()),
                joined.json().get("ticketToken").asString());
    }

    /** The code the outbox keeps for the latest ticket of this address. */
    static String codeFor(JdbcClient jdbc, String email) {
        return jdbc.sql("SELECT secret FROM outbox_message WHERE kind = 'TICKET_CODE' AND recipient = ? "
                + "ORDER BY id DESC LIMIT 1").param(email).query(String.class).single();
    }

    static Http.Response confirm(Http http, Ticket ticket, String code) {
        return http.postJson("/api/v1/waiting-room/tickets/" + ticket.id() + "/confirm", Map.of("code", code),
                "Ticket-Token", ticket.token());
    }

    /** Joined on one node, confirmed on the other. */
    static Ticket confirmed(Http joinOn, Http confirmOn, JdbcClient jdbc, String email) {
        Ticket ticket = joined(joinOn, email);
        Http.Response confirmed = confirm(confirmOn, ticket, codeFor(jdbc, email));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return ticket;
    }

    static JsonNode status(Http http, Ticket ticket) {
        Http.Response status = http.get("/api/v1/waiting-room/tickets/" + ticket.id(), "Ticket-Token", ticket.token());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    static Http.Response hold(Http http, LocalDate date, String start, String pass, String token) {
        List<String> headers = new java.util.ArrayList<>();
        if (pass != null) {
            headers.addAll(List.of("Opening-Pass", pass));
        }
        if (token != null) {
            headers.addAll(List.of("Ticket-Token", token));
        }
        return http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", SERVICE, "date", date.toString(),
                "start", start), headers.toArray(String[]::new));
    }

    /**
     * {@code count} tickets confirmed one millisecond apart from {@code from}, written straight into the
     * release's table (simulated applicants: the draw and the admission read only the table).
     */
    static void simulate(JdbcClient jdbc, long release, int count, Instant from, String prefix) {
        jdbc.sql("""
                        INSERT INTO opening_ticket (id, release_id, branch_code, document_type, document_number, email,
                            language, client_hash, code_deadline, joined_at, confirmed_at)
                        SELECT gen_random_uuid(), ?, ?, 'PASSPORT', ? || i, ? || i || '@example.my', 'ms', 'simulated',
                            ?, ?::timestamptz + i * interval '1 millisecond', ?::timestamptz + i * interval '1 millisecond'
                        FROM generate_series(1, ?) i""")
                .params(release, BRANCH, prefix, prefix.toLowerCase(), Timestamp.from(from), Timestamp.from(from),
                        Timestamp.from(from), count)
                .update();
    }

    static long releaseOf(JdbcClient jdbc, Ticket ticket) {
        return jdbc.sql("SELECT release_id FROM opening_ticket WHERE id = ?").param(ticket.id()).query(Long.class)
                .single();
    }
}
