package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.GroupRequests;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The self-service pages of a group booking: the applicant sees everyone and can cancel them all; one
 * person opened with their own reference is cancelled alone and the others keep their places.
 */
@IntegrationTest
class GroupSelfServicePagesTest {

    static final String BRANCH = "SWK-UTC-SIBU";
    static final String SERVICE = "BKP";
    static final String MANAGE = "/appointments/manage";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onePersonIsCancelledAloneThenTheApplicantCancelsTheRestTogether() {
        Http http = new Http(port);
        LocalDate day = LocalDate.of(2026, 10, 8);
        LocalTime start = LocalTime.parse(http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE
                + "/slots?date=" + day).json().get(0).get("start").asString());
        jdbc.sql("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) VALUES (?, ?, ?, ?, ?, 4)")
                .params(BRANCH, SERVICE, day, start, start.plusMinutes(15)).update();
        List<String> documents = GroupRequests.documents(3);
        Http.Response booked = http.postJson("/api/v1/groups", GroupRequests.body(BRANCH, SERVICE, day, start, documents),
                "Idempotency-Key", UUID.randomUUID().toString());
        List<String> references = new ArrayList<>();
        booked.json().get("members").forEach(m -> references.add(m.get("reference").asString()));

        // A person opened with their own reference and document: their page alone, cancelled alone.
        http.get(MANAGE);
        String member = draft(http.postForm(MANAGE + "?lang=en", Map.of("reference", references.get(2),
                "documentNumber", documents.get(2))));
        assertThat(http.get(member + "?lang=en").body()).doesNotContain("data-cancel-group", "People in this booking");
        http.get(member + "/cancel");
        assertThat(http.postForm(member + "/cancel", Map.of()).status()).isEqualTo(303);
        assertThat(statuses(references)).containsExactly("CONFIRMED", "CONFIRMED", "CANCELLED");
        assertThat(taken(day, start)).isEqualTo(2);

        // The applicant sees everyone, and cancels the people who still hold a place.
        http.get(MANAGE);
        String applicant = draft(http.postForm(MANAGE, Map.of("reference", references.get(0),
                "documentNumber", documents.get(0))));
        String page = http.get(applicant + "?lang=en").body();
        assertThat(page).contains("People in this booking", "Ahmad bin Ismail", "Nur Iman binti Ahmad", "Cancelled",
                "data-cancel-group");
        String question = http.get(applicant + "/cancel-group").body();
        assertThat(question).contains("Batalkan temujanji semua orang?", "Ahmad bin Ismail")
                .doesNotContain("Nur Iman binti Ahmad");
        Http.Response done = http.postForm(applicant + "/cancel-group", Map.of());
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith(MANAGE + "/cancelled?reference=" + references.get(0));
        assertThat(statuses(references)).containsExactly("CANCELLED", "CANCELLED", "CANCELLED");
        assertThat(taken(day, start)).isZero();
    }

    @Test
    void theApplicantMovesEveryoneTogetherToASlotWhereTheyAllFit() {
        Http http = new Http(port);
        LocalDate day = LocalDate.of(2026, 10, 9);
        List<LocalTime> starts = new ArrayList<>();
        http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + day).json()
                .forEach(slot -> starts.add(LocalTime.parse(slot.get("start").asString())));
        for (int i = 0; i < 4; i++) {
            jdbc.sql("INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(BRANCH, SERVICE, day, starts.get(i), starts.get(i).plusMinutes(15), i == 1 ? 1 : i == 2 ? 0 : 3)
                    .update();
        }
        List<String> documents = GroupRequests.documents(3);
        Http.Response booked = http.postJson("/api/v1/groups", GroupRequests.body(BRANCH, SERVICE, day, starts.get(0),
                documents), "Idempotency-Key", UUID.randomUUID().toString());
        List<String> references = new ArrayList<>();
        booked.json().get("members").forEach(m -> references.add(m.get("reference").asString()));

        http.get(MANAGE);
        String applicant = draft(http.postForm(MANAGE, Map.of("reference", references.get(0),
                "documentNumber", documents.get(0))));
        assertThat(http.get(applicant + "?lang=en").body()).contains("moves everyone in this booking together");
        String slots = http.get(applicant + "/reschedule/slots?date=" + day).body();
        // Slot 1 (one place, then a full one) cannot take three, nor can slot 2 (full); slot 3 (three places) can.
        assertThat(slots).doesNotContain("value=\"" + starts.get(1) + "\"", "value=\"" + starts.get(2) + "\"")
                .contains("value=\"" + starts.get(3) + "\"");
        Http.Response moved = http.postForm(applicant + "/reschedule", Map.of("date", day.toString(),
                "start", starts.get(3).toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(303);
        assertThat(moved.header("Location")).endsWith(MANAGE + "/rescheduled?reference=" + references.get(0));
        assertThat(jdbc.sql("SELECT string_agg(start_time::text, ',' ORDER BY group_position) FROM appointment WHERE reference IN (?, ?, ?)")
                .params(references.toArray()).query(String.class).single())
                .isEqualTo(starts.get(3) + ":00," + starts.get(3) + ":00," + starts.get(3) + ":00");
        assertThat(taken(day, starts.get(0))).isZero();
    }

    private static String draft(Http.Response lookedUp) {
        assertThat(lookedUp.status()).as(lookedUp.body()).isEqualTo(303);
        return lookedUp.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    private List<String> statuses(List<String> references) {
        List<String> statuses = new ArrayList<>();
        for (String reference : references) {
            statuses.add(jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference)
                    .query(String.class).single());
        }
        return statuses;
    }

    private int taken(LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id AND p.taken)::int
                        FROM slot s WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?""")
                .params(BRANCH, SERVICE, day, start).query(Integer.class).single();
    }
}
