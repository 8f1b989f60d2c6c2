package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.GroupRequests;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 200 groups of one to six people race for one slot's places through two app nodes on one database:
 * no slot over capacity, no group partly booked, and the places taken are the people booked. The
 * control books each group's people one by one (each its own transaction, as without group booking a
 * family must): the same race then leaves groups partly booked, so the check would catch it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupConcurrencyTest {

    static final String BRANCH = "TRG-UTC-KUALA-TERENGGANU";
    static final String SERVICE = "BKP";
    static final int GROUPS = 200;
    static final int CAPACITY = 20;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    SecondNode secondNode;
    List<Http> nodes;

    @BeforeAll
    void startSecondNode() {
        secondNode = SecondNode.startBeside(environment);
        nodes = List.of(new Http(port), new Http(secondNode.port()));
    }

    @AfterAll
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void twoHundredGroupsRaceForOneSlotAndEachGetsAllItsPlacesOrNone() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 29);
        LocalTime start = raceSlot(day);
        List<String> keys = new ArrayList<>();
        List<Callable<Http.Response>> bookings = new ArrayList<>();
        for (int n = 0; n < GROUPS; n++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            Map<String, Object> body = GroupRequests.body(BRANCH, SERVICE, day, start, GroupRequests.documents(size(n)));
            Http node = nodes.get(n % 2);
            bookings.add(() -> node.postJson("/api/v1/groups", body, "Idempotency-Key", key));
        }

        List<Http.Response> responses = Rush.fireTasks(bookings);

        int peopleBooked = 0;
        List<String> violations = new ArrayList<>();
        for (int n = 0; n < GROUPS; n++) {
            Http.Response response = responses.get(n);
            long rows = rowsOf(keys.get(n));
            if (response.status() == 201) {
                peopleBooked += size(n);
                if (rows != size(n) || response.json().get("members").size() != size(n)) {
                    violations.add("group " + n + " of " + size(n) + " answered 201 with " + rows + " rows");
                }
            } else {
                assertThat(response.status() + " " + response.json().path("code").asString()).isEqualTo("409 SLOT_FULL");
                if (rows != 0) {
                    violations.add("group " + n + " of " + size(n) + " refused with " + rows + " rows");
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(taken(day, start)).isLessThanOrEqualTo(CAPACITY).isEqualTo(peopleBooked)
                .isEqualTo(activeIn(day, start));
        assertThat(taken(day, next(day, start))).as("the slot after takes no one (no places)").isZero();
        assertThat(peopleBooked).as("places were given").isGreaterThanOrEqualTo(CAPACITY - 5);
    }

    @Test
    void theControlBookingEachPersonInATransactionOfTheirOwnLeavesGroupsPartlyBooked() throws Exception {
        LocalDate day = LocalDate.of(2026, 9, 30);
        LocalTime start = raceSlot(day);
        List<Callable<Integer>> groups = new ArrayList<>();
        for (int n = 0; n < GROUPS; n++) {
            List<String> documents = GroupRequests.documents(size(n));
            Http node = nodes.get(n % 2);
            groups.add(() -> oneByOne(node, day, start, documents));
        }

        List<Integer> booked = Rush.fireTasks(groups);

        long partial = 0;
        for (int n = 0; n < GROUPS; n++) {
            if (booked.get(n) > 0 && booked.get(n) < size(n)) {
                partial++;
            }
        }
        assertThat(taken(day, start)).isLessThanOrEqualTo(CAPACITY);
        assertThat(partial).as("groups with some but not all of their people booked").isPositive();
    }

    /** Books each person alone, in turn, stopping at the first refusal: how many were booked. */
    private static int oneByOne(Http node, LocalDate day, LocalTime start, List<String> documents) {
        int booked = 0;
        for (String document : documents) {
            Http.Response response = node.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                    "date", day.toString(), "start", start.toString(), "applicant", Applicants.myKadApplicant(document)),
                    "Idempotency-Key", UUID.randomUUID().toString());
            if (response.status() != 201) {
                break;
            }
            booked++;
        }
        return booked;
    }

    /** Sizes 1 to 6 in turn. */
    private static int size(int n) {
        return 1 + n % 6;
    }

    /** The day's first slot with {@link #CAPACITY} places, the next with none: the race is for the one slot. */
    private LocalTime raceSlot(LocalDate day) {
        LocalTime start = slotStart(day, 0);
        setCapacity(day, start, CAPACITY);
        setCapacity(day, next(day, start), 0);
        return start;
    }

    private LocalTime next(LocalDate day, LocalTime start) {
        return slotStart(day, 1);
    }

    private long rowsOf(String key) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE idempotency_key = ? OR idempotency_key LIKE ?")
                .params("api:" + key, "api:" + key + "#%").query(Long.class).single();
    }

    private LocalTime slotStart(LocalDate day, int index) {
        return LocalTime.parse(nodes.get(0).get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE
                + "/slots?date=" + day).json().get(index).get("start").asString());
    }

    private void setCapacity(LocalDate day, LocalTime start, int capacity) {
        jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(BRANCH, SERVICE, day, start, start.plusMinutes(15), capacity).update();
    }

    private int taken(LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM slot_place p WHERE p.slot_id = s.id AND p.taken)::int
                        FROM slot s WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?""")
                .params(BRANCH, SERVICE, day, start).query(Integer.class).single();
    }

    private long activeIn(LocalDate day, LocalTime start) {
        return jdbc.sql("""
                        SELECT count(*) FROM appointment
                        WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ? AND status = 'CONFIRMED'""")
                .params(BRANCH, SERVICE, day, start).query(Long.class).single();
    }
}
