package my.gov.temujanji.opening;

import static my.gov.temujanji.opening.TicketClient.BRANCH;
import static my.gov.temujanji.opening.TicketClient.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import my.gov.temujanji.opening.TicketClient.Ticket;
import my.gov.temujanji.opening.internal.DrawOrder;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The switch per transaction type (audited), the public statistics in both languages, the API's refusals. */
@IntegrationTest
class OpeningPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @AfterEach
    void tearDown() {
        TicketClient.waitingRoom(jdbc, false);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void aSystemAdminSwitchesTheWaitingRoomOfATransactionTypeAndTheAuditLogSaysWhoAndWhat() {
        Http admin = new Http(port).loginAs(new StaffFixture(jdbc, passwords).systemAdmin());
        assertThat(admin.get("/staff/admin/opening").body()).contains("data-service=\"BKP\"");
        Http.Response switched = admin.postForm("/staff/admin/opening/" + SERVICE, Map.of("waitingRoom", "true"));
        assertThat(switched.status()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT waiting_room FROM opening_switch WHERE service_code = ?").param(SERVICE)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT before::text || ' → ' || after::text FROM audit_entry "
                        + "WHERE action = 'OPENING_WAITING_ROOM_SWITCH' AND subject_id = ? ORDER BY id DESC LIMIT 1")
                .param(SERVICE).query(String.class).single())
                .isEqualTo("{\"waitingRoom\": false} → {\"waitingRoom\": true}");
        assertThat(new Http(port).loginAs(new StaffFixture(jdbc, passwords).officer(BRANCH))
                .postForm("/staff/admin/opening/" + SERVICE, Map.of("waitingRoom", "false")).status())
                .as("an officer may not").isEqualTo(403);
    }

    @Test
    void theStatisticsShowEachReleaseWithItsHashThenItsSecretAndItsFiguresInBothLanguages() {
        TicketClient.waitingRoom(jdbc, true);
        Http http = new Http(port);
        LocalDate openingDay = LocalDate.of(2026, 9, 9);
        clock.set(openingDay.atTime(7, 50));
        Ticket ticket = TicketClient.confirmed(http, http, jdbc, "statistik@example.my");
        String hash = TicketClient.status(http, ticket).get("secretSha256").asString();
        String before = http.get("/statistik").body();
        assertThat(before).contains(hash).contains("Diterbitkan selepas pembukaan").contains("HMAC-SHA256");

        clock.set(openingDay.atTime(8, 0));
        String secret = TicketClient.status(http, ticket).get("secret").asString();
        assertThat(DrawOrder.sha256(HexFormat.of().parseHex(secret))).isEqualTo(hash);
        // Two places of the release's first day given back went to the waitlist; one of the day before it,
        // released earlier, is not the release's.
        LocalDate first = jdbc.sql("SELECT first_day FROM opening_release WHERE service_code = ? ORDER BY opens_at DESC LIMIT 1")
                .param(SERVICE).query(LocalDate.class).single();
        long slot = jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, '09:00', '09:15', 3)
                        ON CONFLICT (branch_code, service_code, day, start_time) DO UPDATE SET capacity = slot.capacity
                        RETURNING id""")
                .params(BRANCH, SERVICE, first).query(Long.class).single();
        for (LocalDate day : new LocalDate[] {first, first, first.minusDays(1)}) {
            jdbc.sql("""
                            INSERT INTO waitlist_place (slot_id, branch_code, service_code, day, start_time, end_time,
                                given_back_at, state) VALUES (?, ?, ?, ?, '09:00', '09:15', now(), 'OFFERED')""")
                    .params(slot, BRANCH, SERVICE, day).update();
        }
        String after = http.get("/statistik?lang=en").body();
        assertThat(after).contains("New day opening statistics").contains(secret).contains("<svg");
        String row = after.substring(after.indexOf("data-branch=\"" + BRANCH + "\""));
        // BKP at Batu Pahat: 3 places in each 15-minute slot of a Wednesday; one confirmed ticket.
        assertThat(row).contains("data-tickets>1<").contains("data-minutes>Not full yet<").contains("data-waitlist>2<");
        assertThat(row.substring(row.indexOf("data-places>") + 12, row.indexOf("</td>"))).matches("[1-9][0-9]*");
    }

    @Test
    void theApiRefusesWithStableCodes() {
        Http http = new Http(port);
        assertThat(TicketClient.join(http, "900101015555", "tutup@example.my").json().get("code").asString())
                .as("no waiting room while it is off").isEqualTo("WAITING_ROOM_CLOSED");
        TicketClient.waitingRoom(jdbc, true);
        clock.set(LocalDate.of(2026, 9, 10).atTime(7, 50));
        Http.Response invalid = TicketClient.join(http, "12", "not-an-address");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("code").asString()).isEqualTo("INVALID_APPLICANT");
        Ticket ticket = TicketClient.joined(http, "kod@example.my");
        assertThat(TicketClient.confirm(http, ticket, "000000x").json().get("code").asString())
                .isEqualTo("TICKET_CODE_WRONG");
        assertThat(http.get("/api/v1/waiting-room/tickets/" + ticket.id(), "Ticket-Token", "someone-else").status())
                .isEqualTo(404);
        assertThat(TicketClient.confirm(http, ticket, TicketClient.codeFor(jdbc, "kod@example.my")).status())
                .isEqualTo(200);
        String number = jdbc.sql("SELECT document_number FROM opening_ticket WHERE id = ?").param(ticket.id())
                .query(String.class).single();
        Http.Response again = TicketClient.join(http, number, "kod@example.my");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("TICKET_EXISTS");
    }
}
