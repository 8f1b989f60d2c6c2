package my.gov.temujanji.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RemindersTest {

    static final String BRANCH = "JHR-JOHOR-BAHRU";
    static final LocalDate DAY = LocalDate.of(2026, 7, 15); // a Wednesday

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reminders reminders;
    @Autowired
    Environment environment;
    @Autowired
    OutboxWorker worker;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void eachApplicantIsRemindedOnceTheDayBeforeFromTheConfiguredTimeWhateverTheNodes() throws Exception {
        Http http = new Http(port);
        String service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + DAY).json();
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                    "date", DAY.toString(), "start", slots.get(i).get("start").asString(),
                    "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                    "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);
        }

        clock.set(LocalDateTime.of(2026, 7, 14, 8, 59));
        assertThat(reminders.remind()).as("before the reminder time").isZero();

        try (SecondNode other = SecondNode.startBeside(environment)) {
            clock.set(LocalDateTime.of(2026, 7, 14, 9, 0));
            other.bean(MutableClock.class).set(LocalDateTime.of(2026, 7, 14, 9, 0));
            Reminders otherReminders = other.bean(Reminders.class);
            List<Callable<Integer>> both = List.of(reminders::remind, otherReminders::remind, reminders::remind);

            List<Integer> claimed = Rush.fireTasks(both);

            assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM outbox_message o JOIN appointment a ON a.reference = o.appointment_reference
                        WHERE o.kind = 'REMINDER' AND a.day = ? AND a.branch_code = ?""")
                .params(DAY, BRANCH).query(Long.class).single()).isEqualTo(3);
        assertThat(new Http(port).get("/dev/mailbox").body()).contains("Peringatan: temujanji anda esok (");
        assertThat(reminders.remind()).as("nobody twice").isZero();
    }

    @Test
    void aMovedAppointmentIsRemindedOfItsNewDayAndAReminderOfTheOldDayStillWaitingIsNotSent() {
        Http http = new Http(port);
        String service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
        LocalDate friday = DAY.plusDays(2);
        LocalDate monday = DAY.plusDays(5);
        String myKad = Applicants.nextMyKad();
        String reference = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", friday.toString(), "start", firstStart(http, service, friday),
                "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString()).json().get("reference").asString();
        worker.sendDue();

        clock.set(LocalDateTime.of(2026, 7, 16, 9, 0));
        reminders.remind();
        assertThat(http.postJson("/api/v1/appointments/" + reference + "/reschedule", Map.of("documentNumber", myKad,
                "date", monday.toString(), "start", firstStart(http, service, monday))).status()).isEqualTo(200);
        worker.sendDue();
        clock.set(LocalDateTime.of(2026, 7, 19, 9, 0));
        reminders.remind();
        worker.sendDue();

        assertThat(jdbc.sql("SELECT kind || ' ' || status || ' ' || coalesce(skipped_reason, '-') FROM outbox_message "
                        + "WHERE appointment_reference = ? ORDER BY id").param(reference).query(String.class).list())
                .containsExactly("BOOKED SENT -", "REMINDER SKIPPED moved to " + monday, "RESCHEDULED SENT -",
                        "REMINDER SENT -");
    }

    private static String firstStart(Http http, String service, LocalDate day) {
        return http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + day).json().get(0)
                .get("start").asString();
    }

    @Test
    void withoutSmtpTheEmailsAreDeliveredToTheDeveloperMailbox() {
        Http http = new Http(port);
        String service = http.get("/api/v1/branches/" + BRANCH + "/services").json().get(0).get("code").asString();
        String start = http.get("/api/v1/branches/" + BRANCH + "/services/" + service + "/slots?date=" + DAY.plusDays(1))
                .json().get(0).get("start").asString();
        String reference = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", service,
                "date", DAY.plusDays(1).toString(), "start", start,
                "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", UUID.randomUUID().toString()).json().get("reference").asString();
        worker.sendDue();

        String display = reference.substring(0, 5) + "-" + reference.substring(5);
        String mailbox = http.get("/dev/mailbox").body();
        assertThat(mailbox).contains("Temujanji disahkan: " + display);
        long id = jdbc.sql("SELECT id FROM outbox_message WHERE appointment_reference = ?").param(reference)
                .query(Long.class).single();
        Http.Response message = http.get("/dev/mailbox/" + id);
        assertThat(message.status()).isEqualTo(200);
        assertThat(message.body()).contains(display, "SENT", "/appointments/manage?reference=" + reference);
        // The files the e-mail carried, to download: the same the worker attached.
        String pdf = "<a href=\"/slip/" + reference + "/slip.pdf?lang=ms\">slip-" + reference + ".pdf</a>";
        String ics = "<a href=\"/slip/" + reference + "/temujanji.ics?lang=ms\">temujanji-" + reference + ".ics</a>";
        assertThat(message.body()).contains(pdf, ics, "overflow-wrap: anywhere");
        assertThat(http.get("/slip/" + reference + "/slip.pdf?lang=ms").status()).isEqualTo(200);
        assertThat(http.get("/dev/mailbox").body()).contains("slip-" + reference + ".pdf</a>");
        assertThat(http.get("/dev/mailbox/999999999").status()).isEqualTo(404);
    }
}


