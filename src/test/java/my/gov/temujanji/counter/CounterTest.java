package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.slip.SlipToken;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Mails;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SmtpServer;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import my.gov.temujanji.notification.Outboxes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The counter over real HTTP, real SMTP (GreenMail) and the real login. Uses MLK-AYER-KEROH on Tuesday
 * 4 August 2026 (no other test's staff or appointments are there that day); NSN-SEREMBAN only as
 * "another branch".
 */
@IntegrationTest
class CounterTest {

    static final String BRANCH = "MLK-AYER-KEROH";
    static final String OTHER_BRANCH = "NSN-SEREMBAN";
    static final String SERVICE = "BKP"; // 15-minute slots, 4 places each
    static final LocalDate DAY = LocalDate.of(2026, 8, 4);
    static final SmtpServer smtp = SmtpServer.started();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SlipToken tokens;
    @Autowired
    Booking booking;
    @Autowired
    ApplicationContext context;

    StaffFixture staff;
    Http applicant;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @BeforeEach
    void setUp() {
        staff = new StaffFixture(jdbc, passwords);
        applicant = new Http(port);
        clock.set(DAY.minusDays(1).atTime(10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void anOfficerWorksAtTheCounterOfTheirOwnBranchOnlyAndEveryChangeNeedsTheCsrfToken() {
        CounterBookings.Booked booked = book(0, "Aminah binti Yusof", "akses@example.my", "ms");
        String token = tokens.issue(booking.findByReference(booked.reference()).orElseThrow());
        clock.set(DAY.atTime(7, 30));
        Http officer = new Http(port).loginAs(staff.officer(BRANCH));

        Http.Response choose = officer.get("/staff/counter");
        assertThat(choose.status()).isEqualTo(302);
        assertThat(choose.header("Location")).endsWith("/staff/counter/" + BRANCH);
        assertThat(officer.get("/staff").body()).contains("href=\"/staff/counter\"", "Kaunter");

        for (String path : new String[] {"/staff/counter/" + OTHER_BRANCH, "/staff/counter/" + OTHER_BRANCH
                + "/verify?code=" + token, "/staff/counter/" + OTHER_BRANCH + "/verify?code=" + booked.reference()}) {
            Http.Response refused = officer.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("Akses tidak dibenarkan").doesNotContain("Aminah", booked.myKad());
        }
        String checkIn = "/staff/counter/" + BRANCH + "/appointments/" + booked.reference() + "/check-in";
        officer.get("/staff/counter/" + BRANCH); // a page with a form: the CSRF token of this session
        assertThat(officer.postForm("/staff/counter/" + OTHER_BRANCH + "/appointments/" + booked.reference()
                + "/check-in", Map.of()).status()).isEqualTo(403);
        assertThat(officer.postFormWithoutToken(checkIn, Map.of()).status()).isEqualTo(403);
        assertThat(officer.postFormWithoutToken("/staff/counter/" + BRANCH + "/appointments/" + booked.reference()
                + "/late", Map.of()).status()).isEqualTo(403);
        assertThat(status(booked)).isEqualTo("CONFIRMED");

        Http admin = new Http(port).loginAs(staff.systemAdmin());
        assertThat(admin.get("/staff/counter").body()).contains("href=\"/staff/counter/" + OTHER_BRANCH + "\"");
        assertThat(admin.get("/staff/counter/" + OTHER_BRANCH).status()).isEqualTo(200);
        assertThat(new Http(port).loginAs(staff.branchAdmin(BRANCH)).get("/staff/counter/" + BRANCH).status())
                .isEqualTo(200);
        assertThat(new Http(port).get("/staff/counter/" + BRANCH).header("Location")).endsWith("/staff/login");
    }

    @Test
    void aForgedSlipShowsNoAppointmentAndAGenuineOneShowsTheWholeDocumentNumber() {
        CounterBookings.Booked booked = book(1, "Rahim bin Osman", "semak@example.my", "ms");
        String token = tokens.issue(booking.findByReference(booked.reference()).orElseThrow());
        char[] flipped = token.toCharArray();
        int middle = flipped.length / 2;
        flipped[middle] = flipped[middle] == 'A' ? 'B' : 'A';
        String forged = new String(flipped);
        clock.set(DAY.atTime(7, 30));
        Http officer = new Http(port).loginAs(staff.officer(BRANCH));
        String verify = "/staff/counter/" + BRANCH + "/verify?code=";

        Http.Response refused = officer.get(verify + forged);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-result=\"FORGED\"", "SLIP PALSU ATAU DIUBAH", "Jangan terima slip ini")
                .doesNotContain("Rahim", booked.reference(), Reference.display(booked.reference()), booked.myKad(),
                        booked.myKad().substring(booked.myKad().length() - 4), "data-appointment", "data-check-in");
        assertThat(officer.get(verify + forged + "&lang=en").body()).contains("FORGED OR ALTERED SLIP");
        assertThat(officer.get(verify + "A".repeat(3000)).body()).contains("data-result=\"FORGED\"");

        Http.Response genuine = officer.get(verify + token);
        assertThat(genuine.body()).contains("data-result=\"GENUINE\"", "SLIP SAH", "Rahim bin Osman",
                "data-document-number>" + booked.myKad() + "<", Reference.display(booked.reference()), "Malaysia",
                "Bahagian Keselamatan &amp; Pasport", "Selasa, 4 Ogos 2026", "data-check-in");
        // What a USB scanner types after a slip's verification address works as well as the bare token.
        assertThat(officer.get(verify + "http://localhost/verify/" + token).body()).contains("data-result=\"GENUINE\"");
        Http.Response byReference = officer.get(verify + Reference.display(booked.reference()).toLowerCase());
        assertThat(byReference.body()).contains("data-result=\"FOUND\"", "data-document-number>" + booked.myKad() + "<");
        assertThat(officer.get(verify + "ZZZZZ-ZZZZZ").body()).contains("data-result=\"NOT_FOUND\"");
        Http.Response empty = officer.get(verify + "%20");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("<a href=\"#code\">Imbas kod QR slip atau masukkan nombor rujukan</a>");

        // Applicants' pages never show the whole number.
        assertThat(applicant.get("/verify/" + token).body()).doesNotContain(booked.myKad(),
                booked.myKad().replace("-", ""));
    }

    @Test
    void checkInIsRefusedBeforeTheWindowAllowedInItAndAfterItTheOfficerMarksLateWhichFreesThePlaceAndTellsTheApplicant()
            throws Exception {
        // 08:00: the window opens at 07:00 and closes at 07:40 (arrive 30 minutes early, 10 minutes' grace).
        CounterBookings.Booked onTime = book(0, "Tepat bin Masa", "tepat@example.my", "ms");
        CounterBookings.Booked late = book(0, "Lewat binti Sampai", "lewat@example.my", "en");
        assertThat(late.start()).isEqualTo(onTime.start()).isEqualTo("08:00");
        Outboxes.sendDue(context);
        smtp.reset();
        StaffFixture.Account account = staff.officer(BRANCH);
        Http officer = new Http(port).loginAs(account);
        String onTimePath = "/staff/counter/" + BRANCH + "/appointments/" + onTime.reference();
        String latePath = "/staff/counter/" + BRANCH + "/appointments/" + late.reference();

        clock.set(DAY.atTime(6, 59));
        assertThat(officer.get(onTimePath).body()).contains("Daftar masuk belum dibuka: ia dibuka pada 07:00.",
                "07:00 – 07:40");
        Http.Response tooEarly = officer.postForm(onTimePath + "/check-in", Map.of());
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body()).contains("Daftar masuk belum dibuka: ia dibuka pada 07:00.")
                .doesNotContain("data-check-in", "data-mark-late");
        assertThat(status(onTime)).isEqualTo("CONFIRMED");

        clock.set(DAY.atTime(7, 0));
        Http.Response checkedIn = officer.postForm(onTimePath + "/check-in", Map.of());
        assertThat(checkedIn.status()).isEqualTo(303);
        assertThat(checkedIn.header("Location")).isEqualTo(onTimePath + "?done=checkedIn");
        assertThat(officer.get(onTimePath + "?done=checkedIn").body()).contains("Pemohon telah didaftar masuk.",
                "Sudah daftar masuk", "07:00 oleh " + account.username()).doesNotContain("data-check-in");
        assertThat(jdbc.sql("SELECT status || ' ' || checked_in_by FROM appointment WHERE reference = ?")
                .param(onTime.reference()).query(String.class).single())
                .isEqualTo("CHECKED_IN " + account.username());
        Http.Response again = officer.postForm(onTimePath + "/check-in", Map.of());
        assertThat(again.status()).isEqualTo(303);
        assertThat(officer.get(again.header("Location")).body()).contains("Pemohon ini sudah didaftar masuk sebelum ini.");
        assertThat(audits("COUNTER_CHECK_IN", onTime)).isEqualTo(1);

        clock.set(DAY.atTime(7, 40));
        Http.Response notYetLate = officer.postForm(latePath + "/late", Map.of());
        assertThat(notYetLate.status()).isEqualTo(409);
        assertThat(notYetLate.body()).contains("Dalam tempoh daftar masuk (07:00 hingga 07:40).", "data-check-in");

        clock.set(DAY.atTime(7, 41));
        Http.Response closed = officer.postForm(latePath + "/check-in?lang=en", Map.of());
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body()).contains("The check-in window closed at 07:40: the applicant arrived late.",
                "data-mark-late").doesNotContain("data-check-in");
        assertThat(status(late)).isEqualTo("CONFIRMED");
        int takenBefore = taken(onTime); // other tests of this class book the 08:00 slot too

        Http.Response marked = officer.postForm(latePath + "/late", Map.of());
        assertThat(marked.status()).isEqualTo(303);
        assertThat(officer.get(marked.header("Location")).body()).contains("Temujanji ditandakan lewat dan dibatalkan.",
                "Lewat (dibatalkan)");
        assertThat(status(late)).isEqualTo("LATE");
        assertThat(taken(onTime)).as("the late applicant's place is free again").isEqualTo(takenBefore - 1);
        assertThat(officer.postForm(latePath + "/late", Map.of()).header("Location")).endsWith("?done=alreadyLate");
        assertThat(taken(onTime)).isEqualTo(takenBefore - 1);
        assertThat(audits("COUNTER_MARK_LATE", late)).isEqualTo(1);

        Outboxes.sendDue(context);
        MimeMessage mail = Arrays.stream(smtp.received())
                .filter(m -> recipient(m).equals("lewat@example.my")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Appointment cancelled for arriving late: "
                + Reference.display(late.reference()));
        assertThat(Mails.text(mail)).contains("You did not check in at the counter in the time allowed",
                "Arrive at least 30 minutes before your appointment time. The department may cancel the appointment of"
                        + " an applicant who arrives late.", Reference.display(late.reference()))
                .doesNotContain("View and print the appointment slip");
        assertThat(Mails.html(mail)).contains("Arrive at least 30 minutes before your appointment time.");
        assertThat(Mails.attachments(mail)).isEmpty();
        assertThat(applicant.get("/appointments/manage?reference=" + late.reference()).status()).isEqualTo(200);
    }

    @Test
    void todaysListIsTheBranchsDayInOrderFilteredAndSearchedWithTheValuesKept() {
        CounterBookings.Booked early = book(2, "Zainal bin Abidin", "senarai1@example.my", "ms");
        CounterBookings.Booked later = book(3, "Chong Mei Ling", "senarai2@example.my", "ms");
        clock.set(DAY.atTime(7, 45));
        Http officer = new Http(port).loginAs(staff.officer(BRANCH));
        String list = "/staff/counter/" + BRANCH;

        String all = officer.get(list).body();
        assertThat(all).contains("Kaunter: Pejabat Imigresen Negeri Melaka, Ayer Keroh", "Selasa, 4 Ogos 2026",
                "Zainal bin Abidin", "Chong Mei Ling", early.myKad());
        assertThat(all.indexOf("Zainal bin Abidin")).as("by time").isLessThan(all.indexOf("Chong Mei Ling"));

        String byName = officer.get(list + "?q=mei+LING").body();
        assertThat(byName).contains("Chong Mei Ling", "value=\"mei LING\"").doesNotContain("Zainal bin Abidin");
        assertThat(officer.get(list + "?q=" + Reference.display(early.reference())).body())
                .contains("Zainal bin Abidin").doesNotContain("Chong Mei Ling");
        assertThat(officer.get(list + "?q=" + later.myKad().replace("-", "")).body())
                .contains("Chong Mei Ling").doesNotContain("Zainal bin Abidin");
        assertThat(officer.get(list + "?q=%25").body()).doesNotContain("Zainal bin Abidin", "Chong Mei Ling");
        String filtered = officer.get(list + "?status=CHECKED_IN&service=" + SERVICE).body();
        assertThat(filtered).doesNotContain("Zainal bin Abidin", "Chong Mei Ling")
                .contains("<option value=\"CHECKED_IN\" selected=\"selected\">", "Kosongkan tapisan");
        assertThat(officer.get(list + "?status=CONFIRMED&service=" + SERVICE).body()).contains("Zainal bin Abidin");
        assertThat(officer.get(list + "?status=NONSENSE&service=x&lang=en").body()).contains("Today&#39;s appointments",
                "No appointments");
        assertThat(officer.get("/staff/counter/" + BRANCH + "/appointments/ZZZZZZZZZZ").status()).isEqualTo(404);
    }

    private String status(CounterBookings.Booked booked) {
        return jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(booked.reference())
                .query(String.class).single();
    }

    private int taken(CounterBookings.Booked booked) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("s") + " FROM slot s JOIN appointment a ON a.slot_id = s.id WHERE a.reference = ?")
                .param(booked.reference()).query(Integer.class).single();
    }

    private long audits(String action, CounterBookings.Booked booked) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND subject_id = ? AND branch_code = ?")
                .params(action, booked.reference(), BRANCH).query(Long.class).single();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOldSlipOfAMovedAppointmentSaysSoAndShowsTheAppointmentAsItIsNow() {
        CounterBookings.Booked booked = book(6, "Lim Ah Kow", "pindah@example.my", "ms");
        String oldSlip = tokens.issue(booking.findByReference(booked.reference()).orElseThrow());
        String later = applicant.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + DAY).json()
                .get(7).get("start").asString();
        Http.Response moved = applicant.postJson("/api/v1/appointments/" + booked.reference() + "/reschedule",
                Map.of("documentNumber", booked.myKad(), "date", DAY.toString(), "start", later));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        clock.set(DAY.atTime(7, 30));
        Http officer = new Http(port).loginAs(staff.officer(BRANCH));

        Http.Response replaced = officer.get("/staff/counter/" + BRANCH + "/verify?code=" + oldSlip);
        assertThat(replaced.body()).contains("data-result=\"REPLACED\"", "SLIP LAMA: TEMUJANJI TELAH DITUKAR",
                "Lim Ah Kow", Reference.display(booked.reference()), later).doesNotContain("data-result=\"FORGED\"");
        assertThat(officer.get("/staff/counter/" + BRANCH + "/verify?code=" + oldSlip + "&lang=en").body())
                .contains("OLD SLIP: THE APPOINTMENT WAS MOVED");
    }

    @Test
    void aCheckedInApplicantIsEMailedTheirQueueNumberOnceWithTheLinkToItsTicketPage() throws Exception {
        CounterBookings.Booked booked = book(4, "Giliran binti Nombor", "giliran@example.my", "en");
        Outboxes.sendDue(context);
        smtp.reset();
        clock.set(DAY.atTime(java.time.LocalTime.parse(booked.start())).minusMinutes(50)); // in the check-in window
        Http officer = new Http(port).loginAs(staff.officer(BRANCH));
        String path = "/staff/counter/" + BRANCH + "/appointments/" + booked.reference();
        officer.get(path);
        assertThat(officer.postForm(path + "/check-in", Map.of()).status()).isEqualTo(303);
        assertThat(officer.postForm(path + "/check-in", Map.of()).status()).as("checked in already").isEqualTo(303);
        Map<String, Object> ticket = jdbc.sql("SELECT prefix, number, token FROM queue_ticket WHERE appointment_reference = ?")
                .param(booked.reference()).query().singleRow();
        String number = ticket.get("prefix") + "-" + String.format("%03d", (Integer) ticket.get("number"));

        Outboxes.sendDue(context);
        MimeMessage[] mails = Arrays.stream(smtp.received()).filter(m -> recipient(m).equals("giliran@example.my"))
                .toArray(MimeMessage[]::new);
        assertThat(mails).as("one e-mail for one check-in").hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Your queue number: " + number);
        String link = "/ticket/" + ticket.get("token") + "?lang=en";
        assertThat(Mails.text(mails[0])).contains("You have checked in for the appointment below.",
                "Queue number: " + number, "Your place in the queue and the estimated wait: ", link,
                Reference.display(booked.reference()), "Giliran binti Nombor");
        assertThat(Mails.html(mails[0])).contains(number, link.replace("&", "&amp;"));
        assertThat(Mails.attachments(mails[0])).isEmpty();
        Http.Response page = applicant.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number);
    }

    private CounterBookings.Booked book(int slot, String name, String email, String language) {
        return CounterBookings.book(applicant, BRANCH, SERVICE, DAY, slot, name, email, language);
    }


}
