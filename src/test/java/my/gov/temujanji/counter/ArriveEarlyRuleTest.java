package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import my.gov.temujanji.notification.Outboxes;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * How early applicants must arrive is one setting: what the landing page, the slip (page, PDF and
 * calendar file) and the e-mail tell them is what the counter applies. Set here to 45 minutes, so a
 * text that still says the default 30, or a counter with a setting of its own, fails. Uses SGR-KAJANG on
 * Wednesday 5 August 2026 (no other test's appointments or staff are there).
 */
@IntegrationTest
@TestPropertySource(properties = "temujanji.booking.arrive-early=45m")
class ArriveEarlyRuleTest {

    static final String BRANCH = "SGR-KAJANG";
    static final LocalDate DAY = LocalDate.of(2026, 8, 5);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void applicantsAreToldTheRuleTheCounterApplies() throws Exception {
        Http applicant = new Http(port);
        assertThat(applicant.get("/").body()).contains("Hadir sekurang-kurangnya 45 minit sebelum waktu temujanji.");
        assertThat(applicant.get("/?lang=en").body()).contains("Arrive at least 45 minutes before your appointment time.");

        clock.set(DAY.minusDays(1).atTime(10, 0));
        CounterBookings.Booked booked = CounterBookings.book(applicant, BRANCH, "BKP", DAY, 0,
                "Siti Awal binti Tiba", "awal@example.my", "ms");
        assertThat(booked.start()).isEqualTo("08:00");
        String slip = "/slip/" + booked.reference();
        assertThat(applicant.get(slip).body())
                .contains("Hadir sekurang-kurangnya 45 minit sebelum waktu temujanji anda.");
        assertThat(new PdfTextExtractor(new PdfReader(applicant.download(slip + "/slip.pdf?lang=en").body()))
                .getTextFromPage(1))
                .contains("Arrive at least 45 minutes before your appointment time;");
        assertThat(new String(applicant.download(slip + "/temujanji.ics").body(), StandardCharsets.UTF_8)
                .replace("\r\n ", "")).contains("Hadir sekurang-kurangnya 45 minit sebelum waktu temujanji\\;"); // iCalendar escapes ';'

        Outboxes.sendDue(context);
        long mail = jdbc.sql("SELECT id FROM outbox_message WHERE appointment_reference = ?")
                .param(booked.reference()).query(Long.class).single();
        assertThat(applicant.get("/dev/mailbox/" + mail).body())
                .contains("Hadir sekurang-kurangnya 45 minit sebelum waktu temujanji.");

        // 08:00 with the branch's 10 minutes' grace: check-in closes at 07:25, not at the default 07:40.
        clock.set(DAY.atTime(7, 26));
        Http officer = new Http(port).loginAs(new StaffFixture(jdbc, passwords).officer(BRANCH));
        String path = "/staff/counter/" + BRANCH + "/appointments/" + booked.reference();
        assertThat(officer.get(path).body()).contains("07:00 – 07:25");
        Http.Response refused = officer.postForm(path + "/check-in?lang=en", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("The check-in window closed at 07:25: the applicant arrived late.");
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(booked.reference())
                .query(String.class).single()).isEqualTo("CONFIRMED");
    }
}
