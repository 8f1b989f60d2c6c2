package my.gov.temujanji.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.GroupRequests;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Mails;
import my.gov.temujanji.support.ScannedQr;
import my.gov.temujanji.support.SmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A family's booking by e-mail (GreenMail): one code for the group, one confirmation with one PDF whose
 * every page is one person's slip with a QR code that verifies on its own; then one person cancelled
 * (the others keep their places) and the rest moved together, each told in one e-mail.
 */
@IntegrationTest
@TestPropertySource(properties = "temujanji.booking.email-confirmation=true")
class GroupMailTest {

    static final String BRANCH = "SBH-UTC-TAWAU";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 10, 6);
    static final SmtpServer smtp = SmtpServer.started();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxWorker worker;

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
        worker.sendDue();
        smtp.reset();
    }

    @Test
    void oneCodeOneEMailOneSlipPerPersonThenOneCancelledAndTheRestMoved() throws Exception {
        LocalTime first = slotStart(DAY, 0);
        setCapacity(DAY, first, 4);
        List<String> documents = new ArrayList<>(List.of(Applicants.nextMyKad(), Applicants.nextMyKad(),
                Applicants.nextMyKad()));
        Map<String, Object> body = GroupRequests.body(BRANCH, SERVICE, DAY, first, documents);
        JsonNode group = http.postJson("/api/v1/groups", body, "Idempotency-Key", UUID.randomUUID().toString(),
                "Accept-Language", "en").json();
        List<String> references = new ArrayList<>();
        group.get("members").forEach(m -> references.add(m.get("reference").asString()));
        assertThat(group.get("members").get(2).get("status").asString()).isEqualTo("PENDING");

        worker.sendDue();
        MimeMessage codeMail = only(smtp.received());
        assertThat(codeMail.getSubject()).isEqualTo("Appointment confirmation code: " + display(references.get(0)));
        assertThat(Mails.text(codeMail)).contains("Group member: Ahmad bin Ismail", display(references.get(1)),
                "Group member: Nur Iman binti Ahmad", display(references.get(2)));
        String code = jdbc.sql("SELECT secret FROM outbox_message WHERE appointment_reference = ? AND kind = 'CONFIRMATION_CODE'")
                .param(references.get(0)).query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE kind = 'CONFIRMATION_CODE' AND appointment_reference IN (?, ?)")
                .params(references.get(1), references.get(2)).query(Integer.class).single()).isZero();

        assertThat(http.postJson("/api/v1/appointments/" + references.get(0) + "/confirm", Map.of("code", code)).status())
                .isEqualTo(200);
        assertThat(statuses(references)).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED");
        smtp.reset();
        worker.sendDue();
        MimeMessage booked = only(smtp.received());
        assertThat(booked.getSubject()).isEqualTo("Appointment confirmed: " + display(references.get(0)));
        assertSlips(booked, references, first);

        // One person cancelled alone: their place returns, the others keep theirs.
        smtp.reset();
        Http.Response cancelled = http.postJson("/api/v1/appointments/" + references.get(1) + "/cancel",
                Map.of("documentNumber", documents.get(1)));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(statuses(references)).containsExactly("CONFIRMED", "CANCELLED", "CONFIRMED");
        assertThat(taken(DAY, first)).isEqualTo(2);
        worker.sendDue();
        MimeMessage cancelMail = only(smtp.received());
        assertThat(cancelMail.getSubject()).isEqualTo("Appointment cancelled: " + display(references.get(1)));
        assertThat(Mails.text(cancelMail)).contains("Ahmad bin Ismail").doesNotContain("Group member");

        // The rest moved together, with the applicant's reference and document number.
        smtp.reset();
        LocalTime later = slotStart(DAY, 4);
        Http.Response moved = http.postJson("/api/v1/groups/" + references.get(0) + "/reschedule",
                Map.of("documentNumber", documents.get(0), "date", DAY.toString(), "start", later.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT string_agg(status || ' ' || start_time, ',' ORDER BY group_position) FROM appointment WHERE reference IN (?, ?, ?)")
                .params(references.toArray()).query(String.class).single())
                .isEqualTo("CONFIRMED " + later + ":00,CANCELLED " + first + ":00,CONFIRMED " + later + ":00");
        assertThat(taken(DAY, first)).isZero();
        assertThat(taken(DAY, later)).isEqualTo(2);
        worker.sendDue();
        MimeMessage movedMail = only(smtp.received());
        assertThat(movedMail.getSubject()).isEqualTo("Appointment changed: " + display(references.get(0)));
        assertSlips(movedMail, List.of(references.get(0), references.get(2)), later);

        // The whole group moved again where it no longer fits: nobody moves.
        setCapacity(DAY, slotStart(DAY, 6), 1);
        setCapacity(DAY, slotStart(DAY, 7), 0);
        Http.Response full = http.postJson("/api/v1/groups/" + references.get(0) + "/reschedule",
                Map.of("documentNumber", documents.get(0), "date", DAY.toString(), "start", slotStart(DAY, 6).toString()));
        assertThat(full.status()).isEqualTo(409);
        assertThat(taken(DAY, later)).isEqualTo(2);
        assertThat(taken(DAY, slotStart(DAY, 6))).isZero();
    }

    /** One PDF, one page per person, each with the person's name and a QR code that verifies alone. */
    private void assertSlips(MimeMessage mail, List<String> references, LocalTime start) throws Exception {
        List<BodyPart> attachments = Mails.attachments(mail);
        assertThat(attachments).extracting(BodyPart::getFileName)
                .containsExactly("slip-" + references.get(0) + ".pdf", "temujanji-" + references.get(0) + ".ics");
        PdfReader pdf = new PdfReader(attachments.get(0).getInputStream().readAllBytes());
        assertThat(pdf.getNumberOfPages()).isEqualTo(references.size());
        for (int page = 1; page <= references.size(); page++) {
            String reference = references.get(page - 1);
            assertThat(new PdfTextExtractor(pdf).getTextFromPage(page)).contains(display(reference));
            JsonNode verified = http.get("/api/v1/slips/verify?token=" + ScannedQr.token(pdf, page)).json();
            assertThat(verified.get("status").asString()).isEqualTo("GENUINE");
            assertThat(verified.get("reference").asString()).isEqualTo(reference);
            assertThat(verified.get("appointmentStatus").asString()).isEqualTo("CONFIRMED");
            assertThat(verified.toString()).contains(start.toString());
        }
    }

    private static MimeMessage only(MimeMessage[] received) {
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String display(String reference) {
        return reference.substring(0, 5) + "-" + reference.substring(5);
    }

    private List<String> statuses(List<String> references) {
        List<String> statuses = new ArrayList<>();
        for (String reference : references) {
            statuses.add(jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference)
                    .query(String.class).single());
        }
        return statuses;
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
