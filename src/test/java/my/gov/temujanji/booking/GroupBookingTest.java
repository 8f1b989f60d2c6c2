package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.GroupRequests;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Group booking through the JSON API: all the places or none, every person checked and named. */
@IntegrationTest
class GroupBookingTest {

    static final String BRANCH = "SWK-UTC-SIBU";
    static final String SERVICE = "BKP";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aFamilyOfFourIsBookedInOneSlotEachWithTheirOwnAppointment() {
        LocalDate day = LocalDate.of(2026, 9, 24);
        LocalTime start = slotStart(day, 0);
        setCapacity(day, start, 6);
        List<String> documents = GroupRequests.documents(4);

        Http.Response response = book(day, start, documents, UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(201);
        JsonNode members = response.json().get("members");
        assertThat(members).hasSize(4);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(members.get(i).get("position").asInt()).isEqualTo(i);
            assertThat(members.get(i).get("start").asString()).isEqualTo(start.toString());
            assertThat(members.get(i).get("status").asString()).isEqualTo("CONFIRMED");
            references.add(members.get(i).get("reference").asString());
        }
        assertThat(references).doesNotHaveDuplicates();
        assertThat(response.json().get("reference").asString()).isEqualTo(references.get(0));
        assertThat(members.get(1).get("relationship").asString()).isEqualTo("SPOUSE");
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT group_id) || ' ' || string_agg(group_position || ':' || document_number || ':'
                               || relationship, ',' ORDER BY group_position) FROM appointment WHERE reference IN (?, ?, ?, ?)""")
                .params(references.toArray()).query(String.class).single())
                .isEqualTo("1 0:" + digits(documents.get(0)) + ":SELF,1:" + digits(documents.get(1)) + ":SPOUSE,2:"
                        + digits(documents.get(2)) + ":CHILD,3:" + digits(documents.get(3)) + ":CHILD");
        assertThat(taken(day, start)).isEqualTo(4);
        assertThat(http.get("/api/v1/groups/" + references.get(2) + "?documentNumber=" + documents.get(2)).json()
                .get("members").size()).isEqualTo(4);
        assertThat(http.get("/api/v1/groups/" + references.get(2) + "?documentNumber=" + documents.get(1)).status())
                .isEqualTo(404);
    }

    @Test
    void aGroupTooLargeForItsSlotTakesTheSlotsRightAfterItEarlierOnesFirst() {
        LocalDate day = LocalDate.of(2026, 9, 17);
        LocalTime first = slotStart(day, 0);
        LocalTime second = slotStart(day, 1);
        LocalTime third = slotStart(day, 2);
        setCapacity(day, first, 2);
        setCapacity(day, second, 2);
        setCapacity(day, third, 2);

        Http.Response response = book(day, first, GroupRequests.documents(5), UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(201);
        List<String> starts = new ArrayList<>();
        response.json().get("members").forEach(m -> starts.add(m.get("start").asString()));
        assertThat(starts).containsExactly(first.toString(), first.toString(), second.toString(), second.toString(),
                third.toString());
        assertThat(List.of(taken(day, first), taken(day, second), taken(day, third))).containsExactly(2, 2, 1);
    }

    @Test
    void aFullSlotBetweenSplitsNoGroupAndNothingIsTaken() {
        LocalDate day = LocalDate.of(2026, 9, 18);
        LocalTime first = slotStart(day, 0);
        LocalTime second = slotStart(day, 1);
        setCapacity(day, first, 2);
        setCapacity(day, second, 0);

        Http.Response response = book(day, first, GroupRequests.documents(3), UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(taken(day, first)).isZero();
    }

    @Test
    void aGroupWithABlockedAndAnAlreadyBookedPersonIsRefusedNamingBothAndNothingChanges() {
        LocalDate day = LocalDate.of(2026, 9, 21);
        LocalTime start = slotStart(day, 0);
        setCapacity(day, start, 6);
        List<String> documents = GroupRequests.documents(4);
        jdbc.sql("""
                        INSERT INTO applicant_block (document_type, document_number, reason, ends_on, created_at, created_by)
                        VALUES ('MYKAD', ?, 'MISUSE', DATE '2027-12-31', now(), 'test')""")
                .param(digits(documents.get(1))).update();
        LocalTime other = slotStart(day, 3);
        assertThat(http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date",
                day.toString(), "start", other.toString(), "applicant", Applicants.myKadApplicant(documents.get(3))),
                "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);
        String before = databaseState();

        Http.Response response = book(day, start, documents, UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("MEMBERS_REFUSED");
        List<String> named = new ArrayList<>();
        response.json().get("errors").forEach(e -> named.add(e.get("field").asString() + " " + e.get("code").asString()
                + " " + e.get("message").asString()));
        assertThat(named).containsExactly(
                "members[0] BLOCKED Orang ini tidak boleh membuat temujanji. Sila hubungi cawangan.",
                "members[2] ALREADY_BOOKED Orang ini sudah mempunyai temujanji aktif bagi urusniaga ini.");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void theSamePersonTwiceIsNamedToo() {
        LocalDate day = LocalDate.of(2026, 9, 22);
        LocalTime start = slotStart(day, 0);
        List<String> documents = GroupRequests.documents(2);
        documents.add(documents.get(1));

        Http.Response response = book(day, start, documents, UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("members[1]");
        assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("SAME_DOCUMENT");
    }

    @Test
    void everyPersonIsValidatedWithMessagesNamingTheirFields() {
        LocalDate day = LocalDate.of(2026, 9, 22);
        Map<String, Object> body = body(day, slotStart(day, 1), GroupRequests.documents(3));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) body.get("members");
        members.get(0).put("documentNumber", "12345");
        members.get(1).put("dateOfBirth", "");
        members.get(1).put("relationship", "SELF");

        Http.Response response = http.postJson("/api/v1/groups", body, "Idempotency-Key", UUID.randomUUID().toString(),
                "Accept-Language", "en");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_GROUP");
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + " " + e.get("message").asString()));
        assertThat(errors).containsExactly(
                "members[0].documentNumber A MyKad number must be 12 digits, like 900101-14-5678 or 900101145678",
                "members[1].dateOfBirth Enter this person's date of birth",
                "members[1].relationship Select how this person is related to you");
    }

    @Test
    void aTypeBookedOnePersonAtATimeAndMoreThanFiveMoreAreRefused() {
        LocalDate day = LocalDate.of(2026, 9, 22);
        Map<String, Object> osp = body(day, slotStart(day, 1), GroupRequests.documents(2));
        osp.put("service", "OSP");
        Http.Response one = http.postJson("/api/v1/groups", osp, "Idempotency-Key", UUID.randomUUID().toString(),
                "Accept-Language", "en");
        Http.Response seven = http.postJson("/api/v1/groups", body(day, slotStart(day, 1), GroupRequests.documents(7)),
                "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "en");

        assertThat(one.status()).isEqualTo(422);
        assertThat(one.json().get("code").asString()).isEqualTo("GROUP_TOO_LARGE");
        assertThat(one.json().get("detail").asString()).isEqualTo("For this transaction type you can add at most 0 more people.");
        assertThat(seven.status()).isEqualTo(422);
        assertThat(seven.json().get("detail").asString()).isEqualTo("For this transaction type you can add at most 5 more people.");
    }

    @Test
    void theSameRequestSentAgainGetsTheSameGroup() {
        LocalDate day = LocalDate.of(2026, 9, 23);
        LocalTime start = slotStart(day, 0);
        setCapacity(day, start, 6);
        List<String> documents = GroupRequests.documents(3);
        String key = UUID.randomUUID().toString();

        Http.Response first = book(day, start, documents, key);
        Http.Response again = book(day, start, documents, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(taken(day, start)).isEqualTo(3);
    }

    @Test
    void availabilityAskedForAGroupShowsOnlyTheSlotsAndDaysWhereTheWholeGroupFits() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        List<LocalTime> starts = new ArrayList<>();
        http.get(slotsPath(day, 1)).json().forEach(slot -> starts.add(LocalTime.parse(slot.get("start").asString())));
        for (int i = 0; i < starts.size(); i++) {
            setCapacity(day, starts.get(i), i == 0 ? 2 : i == 2 ? 3 : i == 3 ? 1 : 0);
        }

        assertThat(startsOf(http.get(slotsPath(day, 1)))).hasSize(starts.size());
        assertThat(startsOf(http.get(slotsPath(day, 2)))).containsExactly(starts.get(0).toString(),
                starts.get(2).toString());
        assertThat(startsOf(http.get(slotsPath(day, 4)))).containsExactly(starts.get(2).toString());
        assertThat(startsOf(http.get(slotsPath(day, 5)))).isEmpty();
        assertThat(dayStatus(day, 4)).isEqualTo("OPEN");
        assertThat(dayStatus(day, 5)).isEqualTo("FULL");
        assertThat(http.get(slotsPath(day, 7)).status()).isEqualTo(400);
        assertThat(http.get(slotsPath(day, 0)).json().get("code").asString()).isEqualTo("INVALID_GROUP_SIZE");
    }

    @Test
    void aGroupsCancelAndMoveAnswerTheirProblemCodes() {
        LocalDate day = LocalDate.of(2026, 10, 13);
        LocalTime start = slotStart(day, 0);
        setCapacity(day, start, 6);
        List<String> documents = GroupRequests.documents(3);
        JsonNode members = book(day, start, documents, UUID.randomUUID().toString()).json().get("members");
        String applicant = members.get(0).get("reference").asString();
        String member = members.get(1).get("reference").asString();

        // A person's own reference does not name the group; nor does the applicant's with another's document.
        assertThat(code(http.postJson("/api/v1/groups/" + member + "/cancel",
                Map.of("documentNumber", documents.get(1))))).isEqualTo("404 GROUP_NOT_FOUND");
        assertThat(code(http.postJson("/api/v1/groups/" + applicant + "/reschedule", Map.of("documentNumber",
                documents.get(1), "date", day.toString(), "start", slotStart(day, 2).toString()))))
                .isEqualTo("404 GROUP_NOT_FOUND");
        assertThat(code(http.postJson("/api/v1/groups/" + applicant + "/reschedule", Map.of("documentNumber",
                documents.get(0), "date", day.toString(), "start", start.toString())))).isEqualTo("422 SAME_SLOT");
        assertThat(http.postJson("/api/v1/groups/" + applicant + "/cancel", Map.of("documentNumber", documents.get(0)))
                .status()).isEqualTo(200);
        assertThat(code(http.postJson("/api/v1/groups/" + applicant + "/cancel",
                Map.of("documentNumber", documents.get(0))))).isEqualTo("409 APPOINTMENT_NOT_ACTIVE");
        assertThat(taken(day, start)).isZero();
    }

    private static String code(Http.Response response) {
        return response.status() + " " + response.json().get("code").asString();
    }

    private String slotsPath(LocalDate day, int group) {
        return "/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + day + "&groupSize=" + group;
    }

    private String dayStatus(LocalDate day, int group) {
        return http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/days?from=" + day + "&to=" + day
                + "&groupSize=" + group).json().get(0).get("status").asString();
    }

    private static List<String> startsOf(Http.Response slots) {
        List<String> starts = new ArrayList<>();
        slots.json().forEach(slot -> starts.add(slot.get("start").asString()));
        return starts;
    }

    /** The rows a refused booking must leave as they were. */
    private String databaseState() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM appointment) || ' ' || (SELECT count(*) FROM booking_group) || ' '
                            || (SELECT count(*) FROM slot_place WHERE taken) || ' ' || (SELECT count(*) FROM slot) || ' '
                            || (SELECT count(*) FROM outbox_message) || ' ' || (SELECT count(*) FROM confirmation_code)""")
                .query(String.class).single();
    }

    Http.Response book(LocalDate day, LocalTime start, List<String> documents, String key) {
        return http.postJson("/api/v1/groups", body(day, start, documents), "Idempotency-Key", key);
    }

    static Map<String, Object> body(LocalDate day, LocalTime start, List<String> documents) {
        return GroupRequests.body(BRANCH, SERVICE, day, start, documents);
    }

    static String digits(String myKad) {
        return myKad.replace("-", "");
    }

    private LocalTime slotStart(LocalDate day, int index) {
        return LocalTime.parse(http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + day)
                .json().get(index).get("start").asString());
    }

    private void setCapacity(LocalDate day, LocalTime start, int capacity) {
        jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(BRANCH, SERVICE, day, start, start.plusMinutes(15), capacity).update();
    }

    private int taken(LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id AND p.taken), 0)::int
                        FROM slot s WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?""")
                .params(BRANCH, SERVICE, day, start).query(Integer.class).optional().orElse(0);
    }
}
