package my.gov.temujanji.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the waitlist tests do through the API: book and cancel places, join the waitlist and confirm. */
final class WaitlistFixture {

    private final JdbcClient jdbc;
    private final String branch;
    private final String service;

    WaitlistFixture(JdbcClient jdbc, String branch, String service) {
        this.jdbc = jdbc;
        this.branch = branch;
        this.service = service;
    }

    /** Books a place for a new document; its reference and document number. */
    String[] book(Http node, LocalDate day, LocalTime start) {
        String myKad = Applicants.nextMyKad();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", branch);
        body.put("service", service);
        body.put("date", day.toString());
        body.put("start", start.toString());
        body.put("applicant", Applicants.myKadApplicant(myKad));
        Http.Response booked = node.postJson("/api/v1/appointments", body, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return new String[] {booked.json().get("reference").asString(), myKad};
    }

    /**
     * Fills every slot of a UTC counter's weekday (08:00 to 21:00, 15 minutes) but one place at
     * {@code open}, written straight into the slot rows; then books that place. The booking made.
     */
    String[] fullDay(Http node, LocalDate day, int capacity, LocalTime open) {
        jdbc.sql("""
                INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                SELECT ?, ?, ?, t::time, (t + interval '15 minutes')::time, ?
                FROM generate_series(?::date + time '08:00', ?::date + time '20:45', interval '15 minutes') t""")
                .params(branch, service, day, capacity, day, day).update();
        // Every place taken but one at the open slot, as bookings made earlier would have.
        jdbc.sql("""
                UPDATE slot_place p SET taken = true FROM slot s
                WHERE s.id = p.slot_id AND s.branch_code = ? AND s.service_code = ? AND s.day = ?
                  AND p.id NOT IN (SELECT min(q.id) FROM slot_place q JOIN slot o ON o.id = q.slot_id
                                   WHERE o.branch_code = ? AND o.service_code = ? AND o.day = ? AND o.start_time = ?)""")
                .params(branch, service, day, branch, service, day, open).update();
        return book(node, day, open);
    }

    static Http.Response cancel(Http node, String[] booked) {
        return node.postJson("/api/v1/appointments/" + booked[0] + "/cancel", Map.of("documentNumber", booked[1]));
    }

    Http.Response join(Http node, LocalDate from, LocalDate to, String partOfDay, String myKad, String email,
            String... headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", branch);
        body.put("service", service);
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("partOfDay", partOfDay);
        body.put("documentType", "MYKAD");
        body.put("documentNumber", myKad);
        body.put("email", email);
        return node.postJson("/api/v1/waitlist", body, headers);
    }

    /** Joins and confirms with the code e-mailed: the entry's id, now WAITING. */
    String joined(Http node, LocalDate from, LocalDate to, String partOfDay, String myKad, String email,
            String... headers) {
        Http.Response joined = join(node, from, to, partOfDay, myKad, email, headers);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        String entry = joined.json().get("entryId").asString();
        Http.Response confirmed = node.postJson("/api/v1/waitlist/" + entry + "/confirm", Map.of("code", code(entry)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asString()).isEqualTo("WAITING");
        return entry;
    }

    String code(String entry) {
        return jdbc.sql("SELECT secret FROM outbox_message WHERE waitlist_subject = ?::uuid AND kind = 'WAITLIST_CODE'")
                .param(entry).query(String.class).optional().orElse(null);
    }

    static JsonNode entry(Http node, String entry) {
        return node.get("/api/v1/waitlist/" + entry).json();
    }

    int placesLeft(Http node, LocalDate day, LocalTime start) {
        for (JsonNode slot : node.get("/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + day)
                .json()) {
            if (slot.get("start").asString().equals(start.toString())) {
                return slot.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot " + start + " on " + day);
    }
}
