package my.gov.temujanji.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import my.gov.temujanji.support.Applicants;
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
import tools.jackson.databind.JsonNode;

/**
 * The calling order with a fixed clock: priority first (elderly from the MyKad date of birth, or marked
 * at the kiosk, or by an officer), then arrival, an appointment's counted the branch's window earlier.
 * And what the desk's actions do and refuse. JHR-BATU-PAHAT on Tuesday 8 September 2026 (no other test is there).
 */
@IntegrationTest
class QueueOrderingTest {

    static final String BRANCH = "JHR-BATU-PAHAT";
    static final LocalDate DAY = LocalDate.of(2026, 9, 8);
    private static final AtomicInteger YOUNG = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void priorityThenArrivalWithAppointmentsAheadByTheBranchWindow() {
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account adminAccount = staff.branchAdmin(BRANCH);
        Http admin = new Http(port).loginAs(adminAccount);
        QueueFixture.configure(admin, BRANCH, 15, 2, Map.of(1, List.of("BKP")), Map.of("BKP", 20));
        Http applicant = new Http(port);
        clock.set(DAY.minusDays(1).atTime(12, 0));
        String a1 = QueueFixture.book(applicant, BRANCH, "BKP", DAY, "10:00", youngMyKad());
        String a2 = QueueFixture.book(applicant, BRANCH, "BKP", DAY, "10:00", youngMyKad());
        // Born 1950: 76 on the day, so elderly from the MyKad alone.
        String a3 = QueueFixture.book(applicant, BRANCH, "BKP", DAY, "10:15", Applicants.nextMyKad());

        StaffFixture.Account officerAccount = staff.officer(BRANCH);
        Http officer = new Http(port).loginAs(officerAccount);
        at(9, 0);
        // A kiosk pass lasts until midnight: unlocked on the day.
        Http kiosk = QueueFixture.unlockedKiosk(port, adminAccount, BRANCH);
        String w1 = QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "BKP", null));
        at(9, 5);
        QueueFixture.checkIn(officer, BRANCH, a1);
        at(9, 10);
        String w2 = QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "BKP", "OKU"));
        at(9, 20);
        String w4 = QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "BKP", ""));
        at(9, 30);
        String w3 = QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "BKP", null));
        at(9, 31);
        QueueFixture.checkIn(officer, BRANCH, a2);
        at(9, 40);
        QueueFixture.checkIn(officer, BRANCH, a3);

        // Numbers are the day's sequence of the type, in order of issue, with the type's letter.
        assertThat(List.of(number(w1), number(w2), number(w4), number(w3)))
                .containsExactly("P-001", "P-003", "P-004", "P-005");
        assertThat(numberOfAppointment(a1)).isEqualTo("P-002");
        assertThat(priorityOfAppointment(a3)).isEqualTo("ELDERLY");
        assertThat(priorityOfAppointment(a1)).isNull();

        // W2 (OKU, 09:10), A3 (elderly, 09:40-15), A1 (09:05-15 = 08:50), W1 (09:00), A2 (09:31-15 = 09:16),
        // W4 (09:20), W3 (09:30).
        JsonNode ticket = applicant.get("/api/v1/queue/tickets/" + w3).json();
        assertThat(ticket.get("status").asString()).isEqualTo("WAITING");
        assertThat(ticket.get("ahead").asInt()).isEqualTo(6);
        assertThat(ticket.get("estimatedWaitMinutes").isNull()).as("no estimate before a first service").isTrue();

        String device = QueueFixture.signIn(officer, BRANCH, 1);
        Http api = new Http(port);
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            JsonNode next = QueueFixture.callNext(api, device).json();
            called.add(next.get("number").asString());
            assertThat(QueueFixture.callNext(api, device).json().get("code").asString())
                    .as("one number open per counter").isEqualTo("QUEUE_COUNTER_BUSY");
            clock.advance(java.time.Duration.ofMinutes(4));
            assertThat(QueueFixture.served(api, device, next.get("id").asString()).status()).isEqualTo(200);
            if (i == 0) {
                // One served in 4 minutes, one counter open: W3 has 5 ahead now, about 24 minutes.
                JsonNode later = applicant.get("/api/v1/queue/tickets/" + w3).json();
                assertThat(later.get("ahead").asInt()).isEqualTo(5);
                assertThat(later.get("estimatedWaitMinutes").asInt()).isEqualTo(24);
            }
        }
        assertThat(called).containsExactly(number(w2), numberOfAppointment(a3), numberOfAppointment(a1), number(w1),
                numberOfAppointment(a2), number(w4), number(w3));
        Http.Response empty = QueueFixture.callNext(api, device);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().get("code").asString()).isEqualTo("QUEUE_EMPTY");
        assertThat(applicant.get("/api/v1/queue/tickets/" + w3).json().get("status").asString()).isEqualTo("SERVED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'QUEUE_CALL' AND actor = ?")
                .param(officerAccount.username()).query(Integer.class).single()).as("every call audited").isEqualTo(7);
    }

    @Test
    void anOfficerOverridesPriorityAndAbsentNeedsTheBranchsNumberOfCalls() {
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        StaffFixture.Account adminAccount = staff.branchAdmin(BRANCH);
        Http admin = new Http(port).loginAs(adminAccount);
        QueueFixture.configure(admin, BRANCH, 15, 2, Map.of(2, List.of("VPP")), Map.of("VPP", 20));
        clock.set(DAY.plusDays(1).atTime(9, 0));
        Http kiosk = QueueFixture.unlockedKiosk(port, adminAccount, BRANCH);
        String first = QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "VPP", null));
        at(DAY.plusDays(1), 9, 1);
        String second = QueueFixture.ticketToken(QueueFixture.walkIn(kiosk, BRANCH, "VPP", null));
        assertThat(number(first)).isEqualTo("V-001");

        Http officer = new Http(port).loginAs(staff.officer(BRANCH));
        officer.get("/staff/queue/" + BRANCH);
        long secondId = jdbc.sql("SELECT id FROM queue_ticket WHERE token = ?").param(second).query(Long.class).single();
        Http.Response marked = officer.postForm("/staff/queue/" + BRANCH + "/tickets/" + secondId + "/priority",
                Map.of("priority", "PREGNANT"));
        assertThat(marked.status()).isEqualTo(303);

        // The applicant's page follows the queue by itself while the number is open, and stops once it is closed.
        Http applicant = new Http(port);
        assertThat(applicant.get("/ticket/" + second).body()).contains("http-equiv=\"refresh\" content=\"20\"")
                .contains("Halaman ini dimuat semula sendiri setiap 20 saat.");

        String desk = "/staff/queue/" + BRANCH + "/counters/2";
        QueueFixture.signIn(officer, BRANCH, 2);
        assertThat(officer.postForm(desk + "/call-next", Map.of()).header("Location")).endsWith("?done=called");
        assertThat(officer.get(desk).body()).contains("V-002");
        Http.Response tooEarly = officer.postForm(desk + "/tickets/" + secondId + "/absent", Map.of());
        assertThat(tooEarly.header("Location")).endsWith("?refused=QUEUE_TOO_FEW_CALLS");
        assertThat(officer.get(desk + "?refused=QUEUE_TOO_FEW_CALLS").body())
                .contains("Panggil nombor ini sekurang-kurangnya 2 kali sebelum menandanya tidak hadir.");
        assertThat(officer.postForm(desk + "/tickets/" + secondId + "/recall", Map.of()).header("Location"))
                .endsWith("?done=recalled");
        assertThat(officer.postForm(desk + "/tickets/" + secondId + "/absent", Map.of()).header("Location"))
                .endsWith("?done=absent");
        assertThat(jdbc.sql("SELECT status || ':' || calls FROM queue_ticket WHERE id = ?").param(secondId)
                .query(String.class).single()).isEqualTo("ABSENT:2");
        assertThat(applicant.get("/ticket/" + second + "?lang=en").body()).doesNotContain("http-equiv=\"refresh\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('QUEUE_PRIORITY', 'QUEUE_RECALL', "
                + "'QUEUE_ABSENT') AND subject_id = 'V-002' AND branch_code = ?").param(BRANCH)
                .query(Integer.class).single()).isEqualTo(3);
    }

    private void at(int hour, int minute) {
        at(DAY, hour, minute);
    }

    private void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(LocalTime.of(hour, minute)));
    }

    private String number(String token) {
        return jdbc.sql("SELECT prefix || '-' || lpad(number::text, 3, '0') FROM queue_ticket WHERE token = ?")
                .param(token).query(String.class).single();
    }

    private String numberOfAppointment(String reference) {
        return jdbc.sql("SELECT prefix || '-' || lpad(number::text, 3, '0') FROM queue_ticket "
                + "WHERE appointment_reference = ?").param(reference.replace("-", "")).query(String.class).single();
    }

    private String priorityOfAppointment(String reference) {
        return jdbc.sql("SELECT priority FROM queue_ticket WHERE appointment_reference = ?")
                .param(reference.replace("-", "")).query(String.class).optional().orElse(null);
    }

    /** Born 15 June 1990: no priority from the MyKad. Distinct per test run. */
    private static String youngMyKad() {
        return String.format("900615-10-%04d", (int) (System.nanoTime() % 9000) + YOUNG.incrementAndGet());
    }
}
