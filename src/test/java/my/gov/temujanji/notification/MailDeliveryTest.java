package my.gov.temujanji.notification;

import org.springframework.security.crypto.password.PasswordEncoder;
import my.gov.temujanji.support.StaffFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.mail.BodyPart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Mails;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.ScannedQr;
import my.gov.temujanji.support.SmtpServer;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Real SMTP (GreenMail): what arrives, and that an outage delays e-mail without losing or doubling any. */
@IntegrationTest
class MailDeliveryTest {

    static final String BRANCH = "SGR-SHAH-ALAM";
    static final String SERVICE = "VPP";
    static final SmtpServer smtp = SmtpServer.started();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxWorker worker;
    @Autowired
    PasswordEncoder passwords;

    Http http;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        worker.sendDue(); // what earlier tests left
        smtp.reset();
    }

    @Test
    void theConfirmationArrivesInTheApplicantsLanguageWithTheirAppointment() throws Exception {
        JsonNode booked = book(LocalDate.of(2026, 9, 1), 0, "confirm@example.my", "en").json();
        worker.sendDue();

        MimeMessage[] received = smtp.received();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        String reference = booked.get("reference").asString();
        String display = reference.substring(0, 5) + "-" + reference.substring(5);
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("confirm@example.my");
        assertThat(mail.getSubject()).isEqualTo("Appointment confirmed: " + display);
        String body = Mails.text(mail);
        assertThat(body).contains(display, "Tuesday, 1 September 2026", booked.get("start").asString(),
                "Arrive at least 30 minutes before your appointment time",
                "http://localhost:8080/appointments/manage?reference=" + reference);
        assertThat(Mails.html(mail)).contains("<p style=\"font-size:28px;font-weight:bold;letter-spacing:2px;margin:0 0 16px;\">"
                + display + "</p>");
        assertThat(jdbc.sql("SELECT status FROM outbox_message WHERE appointment_reference = ?").param(reference)
                .query(String.class).single()).isEqualTo("SENT");

        List<BodyPart> attachments = Mails.attachments(mail);
        assertThat(attachments).extracting(BodyPart::getFileName)
                .containsExactly("slip-" + reference + ".pdf", "temujanji-" + reference + ".ics");
        byte[] pdf = attachments.get(0).getInputStream().readAllBytes();
        PdfReader reader = new PdfReader(pdf);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains(display);
        String token = ScannedQr.token(reader);
        JsonNode verified = http.get("/api/v1/slips/verify?token=" + token).json();
        assertThat(verified.get("status").asString()).isEqualTo("GENUINE");
        assertThat(verified.get("reference").asString()).isEqualTo(reference);
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, 10) + flipped + token.substring(11);
        assertThat(http.get("/api/v1/slips/verify?token=" + forged).json().get("status").asString()).isEqualTo("FORGED");
        String ics = new String(attachments.get(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ics).contains("DTSTART;TZID=Asia/Kuala_Lumpur:20260901T"
                + booked.get("start").asString().replace(":", "") + "00");
    }

    @Test
    void oneHundredBookingsDuringAnSmtpOutageAreAllDeliveredOnceWhenItReturns() throws Exception {
        smtp.stop();
        int booked = 0;
        for (int day = 0; booked < 100; day++) {
            LocalDate date = LocalDate.of(2026, 9, 2).plusDays(day);
            for (int slot = 0; slot < 12 && booked < 100; slot++) {
                if (book(date, slot, "outage" + booked + "@example.my", "ms").status() == 201) {
                    booked++;
                }
            }
        }
        worker.sendDue();
        worker.sendDue();
        assertThat(outage("PENDING")).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE recipient LIKE 'outage%' AND attempts = 1 "
                + "AND last_error LIKE '%Connect%'").query(Long.class).single()).isEqualTo(100);
        // The product stays ready while mail waits; the health page says why mail is late.
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        // Health details are for a signed-in system administrator (the bare status above is for anyone).
        Http admin = new Http(port).loginAs(new StaffFixture(jdbc, passwords).systemAdmin());
        Http.Response outbox = admin.get("/actuator/health/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        JsonNode mail = outbox.json();
        assertThat(mail.get("status").asString()).isEqualTo("UP");
        assertThat(mail.get("details").get("pending").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(mail.get("details").get("oldestPendingSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(mail.get("details").get("lastError").asString()).contains("Connect");
        assertThat(admin.get("/actuator/health/mail").status()).as("Spring Boot's SMTP check is off").isEqualTo(404);

        smtp.start();
        worker.sendDue();
        assertThat(smtp.received()).as("nothing before the backoff runs out").isEmpty();
        // The worker keeps trying with its backoff until everything is out.
        for (int round = 0; round < 10 && outage("SENT") < 100; round++) {
            clock.advance(Duration.ofHours(1));
            worker.sendDue();
            worker.sendDue();
        }

        List<String> recipients = Arrays.stream(smtp.received())
                .map(m -> GreenMailUtil.getAddressList(uncheckedRecipients(m))).toList();
        assertThat(recipients).hasSize(100).doesNotHaveDuplicates().allMatch(r -> r.startsWith("outage"));
        assertThat(outage("SENT")).isEqualTo(100);
    }

    private long outage(String status) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE recipient LIKE 'outage%' AND status = ?")
                .param(status).query(Long.class).single();
    }

    private Http.Response book(LocalDate date, int slot, String email, String language) {
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + date).json();
        if (slot >= slots.size()) {
            return new Http.Response(422, Map.of(), "");
        }
        Map<String, Object> applicant = new HashMap<>(Applicants.myKadApplicant(Applicants.nextMyKad()));
        applicant.put("email", email);
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                "date", date.toString(), "start", slots.get(slot).get("start").asString(), "applicant", applicant),
                "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", language);
    }

    private static jakarta.mail.Address[] uncheckedRecipients(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
