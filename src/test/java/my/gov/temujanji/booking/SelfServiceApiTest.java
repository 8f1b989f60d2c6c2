package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SelfServiceApiTest {

    static final String BRANCH = "KTN-KOTA-BHARU";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 9, 20); // a Sunday, a working day in Kelantan

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void cancellingGivesThePlaceBackAndCannotBeDoneTwice() {
        LocalTime start = slot(0);
        insertSlot(start, 1);
        String myKad = Applicants.nextMyKad();
        String reference = book(start, myKad).json().get("reference").asString();
        assertThat(taken(start)).isOne();

        Http.Response wrongDocument = http.postJson("/api/v1/appointments/" + reference + "/cancel",
                Map.of("documentNumber", Applicants.nextMyKad()));
        assertThat(wrongDocument.status()).isEqualTo(404);
        assertThat(taken(start)).isOne();

        Http.Response cancelled = http.postJson("/api/v1/appointments/" + reference + "/cancel",
                Map.of("documentNumber", myKad));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(taken(start)).isZero();
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference).query(String.class)
                .single()).isEqualTo("CANCELLED");

        Http.Response again = http.postJson("/api/v1/appointments/" + reference + "/cancel",
                Map.of("documentNumber", myKad), "Accept-Language", "en");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("APPOINTMENT_NOT_ACTIVE");
        assertThat(taken(start)).isZero();
        assertThat(book(slot(1), myKad).status()).as("the document may book again").isEqualTo(201);
    }

    @Test
    void reschedulingTakesTheNewPlaceBeforeFreeingTheOldAndAFullSlotChangesNothing() {
        LocalTime from = slot(2);
        LocalTime to = slot(3);
        LocalTime full = slot(4);
        insertSlot(from, 1);
        insertSlot(to, 1);
        insertSlot(full, 1);
        String myKad = Applicants.nextMyKad();
        String reference = book(from, myKad).json().get("reference").asString();
        assertThat(book(full, Applicants.nextMyKad()).status()).isEqualTo(201);

        Http.Response refused = reschedule(reference, myKad, full);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(startOf(reference)).isEqualTo(from);
        assertThat(taken(from)).isOne();

        Http.Response moved = reschedule(reference, myKad, to);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("start").asString()).isEqualTo(to.toString());
        assertThat(moved.json().get("reference").asString()).isEqualTo(reference);
        assertThat(startOf(reference)).isEqualTo(to);
        assertThat(taken(from)).isZero();
        assertThat(taken(to)).isOne();

        Http.Response same = reschedule(reference, myKad, to);
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.json().get("code").asString()).isEqualTo("SAME_SLOT");
    }

    @Test
    void twoApplicantsReschedulingIntoTheLastPlaceOneWinsAndTheOtherKeepsTheirAppointment() throws Exception {
        LocalTime last = slot(5);
        insertSlot(last, 1);
        String[] documents = {Applicants.nextMyKad(), Applicants.nextMyKad()};
        LocalTime[] own = {slot(6), slot(7)};
        String[] references = new String[2];
        for (int i = 0; i < 2; i++) {
            references[i] = book(own[i], documents[i]).json().get("reference").asString();
        }

        List<Http.Response> answers = Rush.fire(2, i -> reschedule(references[i], documents[i], last));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
        int loser = answers.get(0).status() == 409 ? 0 : 1;
        assertThat(startOf(references[loser])).isEqualTo(own[loser]);
        assertThat(startOf(references[1 - loser])).isEqualTo(last);
        assertThat(taken(last)).isOne();
        assertThat(taken(own[loser])).isOne();
        assertThat(taken(own[1 - loser])).isZero();
    }

    @Test
    void anAppointmentWhoseTimeHasComeCannotBeCancelled() {
        String myKad = Applicants.nextMyKad();
        String reference = book(slot(8), myKad).json().get("reference").asString();
        clock.set(LocalDateTime.of(DAY, slot(8)));

        Http.Response late = http.postJson("/api/v1/appointments/" + reference + "/cancel", Map.of("documentNumber", myKad));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("APPOINTMENT_PASSED");
    }

    private Http.Response book(LocalTime start, String myKad) {
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date", DAY.toString(),
                "start", start.toString(), "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private Http.Response reschedule(String reference, String myKad, LocalTime start) {
        return http.postJson("/api/v1/appointments/" + reference + "/reschedule",
                Map.of("documentNumber", myKad, "date", DAY.toString(), "start", start.toString()));
    }

    private LocalTime slot(int index) {
        return LocalTime.of(8, 0).plusMinutes(15L * index);
    }

    private LocalTime startOf(String reference) {
        return jdbc.sql("SELECT start_time FROM appointment WHERE reference = ?").param(reference)
                .query(LocalTime.class).single();
    }

    private int taken(LocalTime start) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, SERVICE, DAY, start).query(Integer.class).single();
    }

    private void insertSlot(LocalTime start, int capacity) {
        jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(BRANCH, SERVICE, DAY, start, start.plusMinutes(15), capacity).update();
    }
}
