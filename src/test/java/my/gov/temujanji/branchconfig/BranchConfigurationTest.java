package my.gov.temujanji.branchconfig;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.notification.Outboxes;
import org.springframework.context.ApplicationContext;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Mails;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.SmtpServer;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Branch configuration against real PostgreSQL and SMTP. Branches no other test uses, each test its
 * own (a change of hours or places affects every future day of a branch): TRG-KUALA-TERENGGANU
 * (closure), PLS-KANGAR (capacity), SBH-KOTA-KINABALU (concurrency), TRG-KEMAMAN (hours form),
 * SBH-SANDAKAN and PLS-UTC-KANGAR (access), KUL-UTC-SENTUL (the system administrator's capacity cut),
 * SGR-KELANA-JAYA (a switched-off offering), MLK-UTC-MELAKA (a slot with applicants checked in),
 * SGR-PELABUHAN-KLANG (applicants against staff changes on two nodes), in August 2026.
 */
@IntegrationTest
class BranchConfigurationTest {

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
    ApplicationContext context;
    @Autowired
    Environment environment;

    StaffFixture staff;

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
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        staff = new StaffFixture(jdbc, passwords);
        Outboxes.sendDue(context);
        smtp.reset();
    }

    @Test
    void onlyTheBranchsAdministratorsOpenItsConfigurationAndEveryFormNeedsItsCsrfToken() {
        String a = "SBH-SANDAKAN";
        String b = "PLS-UTC-KANGAR";
        List<String> pages = List.of("", "/hours", "/services/BKP", "/late-grace", "/closures");
        Http officer = new Http(port).loginAs(staff.officer(a));
        Http adminOfA = new Http(port).loginAs(staff.branchAdmin(a));
        Http system = new Http(port).loginAs(staff.systemAdmin());
        for (String page : pages) {
            assertThat(officer.get("/staff/branch/" + a + "/settings" + page).status()).as(page).isEqualTo(403);
            assertThat(adminOfA.get("/staff/branch/" + b + "/settings" + page).status()).as(page).isEqualTo(403);
            assertThat(adminOfA.get("/staff/branch/" + a + "/settings" + page).status()).as(page).isEqualTo(200);
            assertThat(system.get("/staff/branch/" + b + "/settings" + page).status()).as(page).isEqualTo(200);
        }
        assertThat(officer.get("/staff/branch-settings").status()).isEqualTo(403);
        assertThat(officer.postForm("/staff/branch/" + a + "/settings/late-grace", Map.of("lateGraceMinutes", "5"))
                .status()).isEqualTo(403);
        assertThat(adminOfA.postForm("/staff/branch/" + b + "/settings/closures",
                Map.of("day", "2026-08-20", "nameMs", "x", "nameEn", "x")).status()).isEqualTo(403);
        assertThat(adminOfA.postFormWithoutToken("/staff/branch/" + a + "/settings/late-grace",
                Map.of("lateGraceMinutes", "5")).status()).isEqualTo(403);
        assertThat(adminOfA.get("/staff/branch-settings").header("Location")).endsWith("/staff/branch/" + a + "/settings");
        assertThat(lateGrace(a)).isEqualTo(10);

        assertThat(adminOfA.postForm("/staff/branch/" + a + "/settings/late-grace", Map.of("lateGraceMinutes", "15"))
                .status()).isEqualTo(303);
        assertThat(lateGrace(a)).isEqualTo(15);
        assertThat(audits("BRANCH_LATE_GRACE_CHANGED", a)).isEqualTo(1);
    }

    @Test
    void aClosureOverBookedAppointmentsListsThemAndOnConfirmationCancelsEmailsAndFreesThem() throws Exception {
        String branch = "TRG-KUALA-TERENGGANU";
        LocalDate day = LocalDate.of(2026, 8, 19); // a Wednesday, a working day in Terengganu
        Http applicant = new Http(port);
        assertThat(dayStatus(applicant, branch, "VPP", day)).isEqualTo("OPEN");
        LocalTime first = firstSlot(applicant, branch, "VPP", day);
        String malay = book(applicant, branch, "VPP", day, first, "ms", "tutup-ms@example.my");
        String english = book(applicant, branch, "VPP", day, first, "en", "tutup-en@example.my");
        String otherDay = book(applicant, branch, "VPP", day.plusDays(1), first, "ms", "lain@example.my");
        Outboxes.sendDue(context); // the confirmations of the bookings
        smtp.reset();
        Http admin = adminAt(branch, "/closures");
        Map<String, String> closure = Map.of("day", day.toString(), "nameMs", "Cuti peristiwa banjir",
                "nameEn", "Flood closure");

        Http.Response preview = admin.postForm("/staff/branch/" + branch + "/settings/closures", closure);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("data-affected=\"" + malay + "\"", "data-affected=\"" + english + "\"",
                "Siti Nur Aisyah binti Ahmad", first.toString()).doesNotContain(otherDay);
        assertThat(closures(branch, day)).as("nothing changed before the confirmation").isZero();
        assertThat(status(malay)).isEqualTo("CONFIRMED");
        assertThat(taken(branch, "VPP", day, first)).isEqualTo(2);

        Http.Response confirmed = admin.postForm("/staff/branch/" + branch + "/settings/closures",
                confirmation(preview.body()));
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(confirmed.header("Location")).contains("cancelled=2");
        assertThat(closures(branch, day)).isOne();
        assertThat(status(malay)).isEqualTo("CANCELLED");
        assertThat(status(english)).isEqualTo("CANCELLED");
        assertThat(status(otherDay)).isEqualTo("CONFIRMED");
        assertThat(taken(branch, "VPP", day, first)).isZero();
        assertThat(dayStatus(applicant, branch, "VPP", day)).isEqualTo("CLOSED");
        assertThat(applicant.postJson("/api/v1/appointments", booking(branch, "VPP", day, first, "x@example.my"),
                "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(422);
        assertThat(audits("CLOSURE_ADDED", branch)).isOne();
        assertThat(audits("APPOINTMENT_CANCELLED_BY_BRANCH", branch)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE reference IN (?, ?) AND cancelled_by_staff LIKE 'test-branch-admin-%'")
                .params(malay, english).query(Long.class).single()).isEqualTo(2);

        Outboxes.sendDue(context);
        MimeMessage[] received = smtp.received();
        assertThat(received).hasSize(2);
        String rebook = "http://localhost:8080/book/date?branch=" + branch + "&service=VPP&lang=";
        MimeMessage ms = Arrays.stream(received).filter(m -> recipient(m).equals("tutup-ms@example.my")).findFirst().orElseThrow();
        MimeMessage en = Arrays.stream(received).filter(m -> recipient(m).equals("tutup-en@example.my")).findFirst().orElseThrow();
        assertThat(ms.getSubject()).startsWith("Temujanji dibatalkan oleh cawangan: ");
        assertThat(Mails.text(ms)).contains("cawangan terpaksa membatalkan", "Pilih tarikh dan slot baharu: " + rebook + "ms");
        assertThat(en.getSubject()).startsWith("Appointment cancelled by the branch: ");
        assertThat(Mails.text(en)).contains("the branch had to cancel", "Choose a new date and time slot: " + rebook + "en")
                .doesNotContain("Arrive at least 30 minutes");
        assertThat(Mails.html(en)).contains("href=\"" + rebook.replace("&", "&amp;") + "en\"");

        // The closure is removed again: the day opens, the cancelled stay cancelled.
        long id = jdbc.sql("SELECT id FROM closure WHERE branch_code = ? AND day = ?").params(branch, day)
                .query(Long.class).single();
        assertThat(admin.postForm("/staff/branch/" + branch + "/settings/closures/" + id + "/remove", Map.of()).status())
                .isEqualTo(303);
        assertThat(dayStatus(applicant, branch, "VPP", day)).isEqualTo("OPEN");
        assertThat(audits("CLOSURE_REMOVED", branch)).isOne();
        assertThat(status(malay)).isEqualTo("CANCELLED");
    }

    @Test
    void cuttingPlacesBelowWhatIsBookedIsRefusedUnlessTheExcessIsCancelledLatestBookedFirst() throws Exception {
        String branch = "PLS-KANGAR";
        LocalDate day = LocalDate.of(2026, 8, 20); // a Thursday
        Http applicant = new Http(port);
        LocalTime first = firstSlot(applicant, branch, "BKP", day);
        String earlier = book(applicant, branch, "BKP", day, first, "ms", "awal@example.my");
        clock.advance(java.time.Duration.ofMinutes(1));
        String later = book(applicant, branch, "BKP", day, first, "en", "lewat@example.my");
        String alone = book(applicant, branch, "BKP", day, first.plusMinutes(15), "ms", "seorang@example.my");
        Outboxes.sendDue(context);
        smtp.reset();
        Http admin = adminAt(branch, "/services/BKP");
        Map<String, String> oneSeat = Map.of("capacity", "1", "slotMinutes", "15", "leadDays", "", "windowMonths", "");

        Http.Response refused = admin.postForm("/staff/branch/" + branch + "/settings/services/BKP", oneSeat);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-affected=\"" + later + "\"").doesNotContain("data-affected=\"" + earlier + "\"")
                .doesNotContain("data-affected=\"" + alone + "\"");
        assertThat(capacity(branch, "BKP")).as("refused: nothing changed").isEqualTo(2);
        assertThat(slotCapacity(branch, "BKP", day, first)).isEqualTo(2);
        assertThat(taken(branch, "BKP", day, first)).isEqualTo(2);
        assertThat(status(later)).isEqualTo("CONFIRMED");
        assertThat(audits("OFFERING_CHANGED", branch)).isZero();

        Http.Response done = admin.postForm("/staff/branch/" + branch + "/settings/services/BKP",
                confirmation(refused.body()));
        assertThat(done.status()).isEqualTo(303);
        assertThat(capacity(branch, "BKP")).isEqualTo(1);
        assertThat(slotCapacity(branch, "BKP", day, first)).isEqualTo(1);
        assertThat(taken(branch, "BKP", day, first)).isEqualTo(1);
        assertThat(status(later)).isEqualTo("CANCELLED");
        assertThat(status(earlier)).isEqualTo("CONFIRMED");
        assertThat(status(alone)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM slot WHERE " + SlotPlaces.taken("slot") + " > capacity").query(Long.class).single()).isZero();
        assertThat(audits("OFFERING_CHANGED", branch)).isOne();
        Outboxes.sendDue(context);
        assertThat(smtp.received()).extracting(BranchConfigurationTest::recipient)
                .containsExactly("lewat@example.my");
    }

    @Test
    void bookingsRacingAClosureOfTheSameDayOnTwoNodesLeaveNoConfirmedAppointmentOnIt() throws Exception {
        String branch = "SBH-KOTA-KINABALU";
        LocalDate day = LocalDate.of(2026, 8, 26); // a Wednesday
        Http applicant = new Http(port);
        assertThat(dayStatus(applicant, branch, "BKP", day)).isEqualTo("OPEN");
        LocalTime first = firstSlot(applicant, branch, "BKP", day);
        book(applicant, branch, "BKP", day, first, "ms", "awal-sabah@example.my");
        Http admin = adminAt(branch, "/closures");
        Map<String, String> closure = Map.of("day", day.toString(), "nameMs", "Cuti peristiwa", "nameEn", "Closure");
        Http.Response preview = admin.postForm("/staff/branch/" + branch + "/settings/closures", closure);
        assertThat(preview.status()).isEqualTo(200);

        try (SecondNode second = SecondNode.startBeside(environment)) {
            Http secondNode = new Http(second.port());
            List<Callable<Http.Response>> tasks = new ArrayList<>();
            tasks.add(() -> admin.postForm("/staff/branch/" + branch + "/settings/closures", confirmation(preview.body())));
            for (int i = 0; i < 16; i++) {
                Http node = i % 2 == 0 ? applicant : secondNode;
                LocalTime start = first.plusMinutes(15L * (i % 4));
                tasks.add(() -> node.postJson("/api/v1/appointments",
                        booking(branch, "BKP", day, start, "rush@example.my"), "Idempotency-Key", UUID.randomUUID().toString()));
            }
            List<Http.Response> answers = Rush.fireTasks(tasks);
            Http.Response closed = answers.get(0);
            // Bookings made before the closure took the branch's lock were not in the list the administrator
            // confirmed: nothing was changed, and the new list is shown. Confirm it, as the administrator would.
            for (int round = 0; round < 3 && closed.status() == 200; round++) {
                assertThat(closed.body()).contains("data-changed");
                closed = admin.postForm("/staff/branch/" + branch + "/settings/closures", confirmation(closed.body()));
            }
            assertThat(closed.status()).as(closed.body()).isEqualTo(303);
            assertThat(answers.subList(1, answers.size())).extracting(Http.Response::status)
                    .allMatch(s -> s == 201 || s == 422 || s == 409);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE branch_code = ? AND day = ? AND status = 'CONFIRMED'")
                .params(branch, day).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT coalesce(sum(" + SlotPlaces.taken("slot") + "), 0) FROM slot WHERE branch_code = ? AND day = ?")
                .params(branch, day).query(Long.class).single()).as("every place given back").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM slot s WHERE\s""" + SlotPlaces.taken("s") + """
                         <> (SELECT count(*) FROM appointment a
                            WHERE a.slot_id = s.id AND a.status = 'CONFIRMED')
                          + (SELECT count(*) FROM hold h WHERE h.slot_id = s.id AND h.released_at IS NULL)
                          AND s.branch_code = ?""").param(branch).query(Long.class).single())
                .as("every place accounted for").isZero();
        assertThat(dayStatus(applicant, branch, "BKP", day)).isEqualTo("CLOSED");
    }

    @Test
    void overlappingHoursAreRefusedWithAFieldMessageInBothLanguagesAndTheAnswersKept() {
        String branch = "TRG-KEMAMAN";
        Http admin = adminAt(branch, "/hours");
        Map<String, String> hours = new LinkedHashMap<>();
        hours.put("d1-p1-opens", "08:00");
        hours.put("d1-p1-closes", "13:00");
        hours.put("d1-p2-opens", "12:30");
        hours.put("d1-p2-closes", "17:00");
        String before = jdbc.sql("SELECT string_agg(day_of_week || ' ' || opens || '-' || closes, ',' ORDER BY day_of_week, opens) "
                + "FROM opening_hours WHERE branch_code = ?").param(branch).query(String.class).single();

        Http.Response malay = admin.postForm("/staff/branch/" + branch + "/settings/hours", hours);
        assertThat(malay.status()).isEqualTo(200);
        assertThat(malay.body()).contains("href=\"#d1-p2-opens\"",
                "Isnin, waktu 2: waktu ini bertindih dengan waktu 1 pada hari yang sama", "id=\"d1-p2-opens-error\"",
                "aria-describedby=\"hours-hint d1-p2-opens-error\"", "value=\"12:30\"", "value=\"17:00\"");
        Http.Response english = admin.postForm("/staff/branch/" + branch + "/settings/hours?lang=en", hours);
        assertThat(english.body()).contains("Monday, period 2: this period overlaps period 1 of the same day");
        assertThat(jdbc.sql("SELECT string_agg(day_of_week || ' ' || opens || '-' || closes, ',' ORDER BY day_of_week, opens) "
                + "FROM opening_hours WHERE branch_code = ?").param(branch).query(String.class).single()).isEqualTo(before);

        hours.put("d1-p2-opens", "14:00");
        hours.put("d1-p1-opens", "8:00"); // a text field now (24-hour): the leading zero may be left out
        Http.Response saved = admin.postForm("/staff/branch/" + branch + "/settings/hours", hours);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT string_agg(day_of_week || ' ' || opens || '-' || closes, ',' ORDER BY day_of_week, opens) "
                + "FROM opening_hours WHERE branch_code = ?").param(branch).query(String.class).single())
                .isEqualTo("1 08:00:00-13:00:00,1 14:00:00-17:00:00");
        assertThat(audits("BRANCH_HOURS_CHANGED", branch)).isOne();
    }

    @Test
    void theSystemAdministratorsCapacityCutIsShownFirstAndThenHoldsInEverySlotTouchedOrNot() throws Exception {
        String branch = "KUL-UTC-SENTUL";
        LocalDate day = LocalDate.of(2026, 8, 19); // a Wednesday
        Http applicant = new Http(port);
        Http system = new Http(port).loginAs(staff.systemAdmin());
        String form = "/staff/admin/catalogue/branches/" + branch + "/offerings";
        assertThat(system.get(form + "?service=BKP").status()).isEqualTo(200);
        String minutes = String.valueOf(jdbc.sql("SELECT slot_minutes FROM offering WHERE branch_code = ? AND service_code = 'BKP'")
                .param(branch).query(Integer.class).single());
        Map<String, String> five = Map.of("service", "BKP", "slotMinutes", minutes, "capacity", "5", "active", "true");
        assertThat(system.postForm(form, five).status()).isEqualTo(303);
        LocalTime touched = firstSlot(applicant, branch, "BKP", day);
        LocalTime untouched = touched.plusMinutes(Long.parseLong(minutes));
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            booked.add(book(applicant, branch, "BKP", day, touched, "ms", "sentul-" + i + "@example.my"));
            clock.advance(java.time.Duration.ofMinutes(1));
        }
        assertThat(slotCapacity(branch, "BKP", day, touched)).isEqualTo(5);

        Map<String, String> two = Map.of("service", "BKP", "slotMinutes", minutes, "capacity", "2", "active", "true");
        Http.Response preview = system.postForm(form, two);
        assertThat(preview.status()).as("the cut is shown first").isEqualTo(200);
        assertThat(preview.body()).contains("data-affected=\"" + booked.get(2) + "\"")
                .doesNotContain("data-affected=\"" + booked.get(0) + "\"");
        assertThat(capacity(branch, "BKP")).as("nothing changed before the confirmation").isEqualTo(5);
        Http.Response done = system.postForm(form, confirmation(preview.body()));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).contains("cancelled=1");
        assertThat(capacity(branch, "BKP")).isEqualTo(2);
        assertThat(slotCapacity(branch, "BKP", day, touched)).isEqualTo(2);
        assertThat(status(booked.get(2))).isEqualTo("CANCELLED");
        assertThat(status(booked.get(1))).isEqualTo("CONFIRMED");
        assertThat(audits("CATALOGUE_OFFERING_UPDATE", branch)).isEqualTo(2);
        assertThat(audits("APPOINTMENT_CANCELLED_BY_BRANCH", branch)).isOne();

        // Two in every slot: the one with a row made at capacity 5, and one nobody had booked.
        assertThat(applicant.postJson("/api/v1/appointments", booking(branch, "BKP", day, touched, "lagi@example.my"),
                "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(409);
        book(applicant, branch, "BKP", day, untouched, "ms", "b1@example.my");
        book(applicant, branch, "BKP", day, untouched, "ms", "b2@example.my");
        assertThat(applicant.postJson("/api/v1/appointments", booking(branch, "BKP", day, untouched, "b3@example.my"),
                "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT max(" + SlotPlaces.taken("slot") + ") FROM slot WHERE branch_code = ?").param(branch).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void aClosureLeavesTheAppointmentsOfASwitchedOffOfferingAndAuditsTheRealPreviousStatus() throws Exception {
        String branch = "SGR-KELANA-JAYA";
        LocalDate day = LocalDate.of(2026, 8, 19); // a Wednesday
        Http applicant = new Http(port);
        LocalTime vppStart = firstSlot(applicant, branch, "VPP", day);
        String switchedOff = book(applicant, branch, "VPP", day, vppStart, "ms", "vpp-off@example.my");
        LocalTime bkpStart = firstSlot(applicant, branch, "BKP", day);
        String pending = book(applicant, branch, "BKP", day, bkpStart, "ms", "bkp-on@example.my");
        // As if it still waited for its e-mailed code: the audit must say so.
        jdbc.sql("UPDATE appointment SET status = 'PENDING' WHERE reference = ?").param(pending).update();
        Http system = new Http(port).loginAs(staff.systemAdmin());
        String minutes = String.valueOf(jdbc.sql("SELECT slot_minutes FROM offering WHERE branch_code = ? AND service_code = 'VPP'")
                .param(branch).query(Integer.class).single());
        system.get("/staff/admin/catalogue/branches/" + branch + "/offerings?service=VPP");
        assertThat(system.postForm("/staff/admin/catalogue/branches/" + branch + "/offerings",
                Map.of("service", "VPP", "slotMinutes", minutes, "capacity", "2")).status()).isEqualTo(303);

        Http admin = adminAt(branch, "/closures");
        Map<String, String> closure = Map.of("day", day.toString(), "nameMs", "Cuti peristiwa", "nameEn", "Closure");
        Http.Response preview = admin.postForm("/staff/branch/" + branch + "/settings/closures", closure);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("data-affected=\"" + pending + "\"")
                .doesNotContain("data-affected=\"" + switchedOff + "\"");
        assertThat(admin.postForm("/staff/branch/" + branch + "/settings/closures", confirmation(preview.body())).status())
                .isEqualTo(303);
        assertThat(status(switchedOff)).isEqualTo("CONFIRMED");
        assertThat(taken(branch, "VPP", day, vppStart)).isOne();
        assertThat(status(pending)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("""
                        SELECT before ->> 'status' FROM audit_entry
                        WHERE action = 'APPOINTMENT_CANCELLED_BY_BRANCH' AND subject_id = ?""")
                .param(pending).query(String.class).single()).isEqualTo("PENDING");
    }

    @Test
    void cuttingPlacesInASlotWithApplicantsCheckedInIsRefusedWithAMessageInBothLanguages() throws Exception {
        String branch = "MLK-UTC-MELAKA";
        LocalDate day = LocalDate.of(2026, 8, 19); // a Wednesday
        Http applicant = new Http(port);
        LocalTime first = firstSlot(applicant, branch, "BKP", day);
        String a = book(applicant, branch, "BKP", day, first, "ms", "melaka-1@example.my");
        String b = book(applicant, branch, "BKP", day, first, "ms", "melaka-2@example.my");
        clock.set(day.atTime(first).minusMinutes(30));
        Http counter = new Http(port).loginAs(staff.officer(branch));
        for (String reference : List.of(a, b)) {
            counter.get("/staff/counter/" + branch);
            assertThat(counter.postForm("/staff/counter/" + branch + "/appointments/" + reference + "/check-in", Map.of())
                    .status()).isEqualTo(303);
            assertThat(status(reference)).isEqualTo("CHECKED_IN");
        }
        Http admin = adminAt(branch, "/services/BKP");
        String minutes = String.valueOf(slotMinutes(branch, "BKP"));
        Map<String, String> one = Map.of("capacity", "1", "slotMinutes", minutes, "leadDays", "", "windowMonths", "");

        Http.Response malay = admin.postForm("/staff/branch/" + branch + "/settings/services/BKP", one);
        assertThat(malay.status()).isEqualTo(409);
        assertThat(malay.body()).contains("sudah didaftar masuk di kaunter", first.toString());
        Http.Response english = admin.postForm("/staff/branch/" + branch + "/settings/services/BKP?lang=en", one);
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.body()).contains("already checked in at the counter");
        assertThat(capacity(branch, "BKP")).as("nothing changed").isEqualTo(3);
        assertThat(taken(branch, "BKP", day, first)).isEqualTo(2);
        assertThat(status(a)).isEqualTo("CHECKED_IN");
        assertThat(audits("OFFERING_CHANGED", branch)).isZero();
    }

    @Test
    void holdsMovesAndCancellationsOnTwoNodesAgainstStaffChangesNeverAnswer500NorOverfillASlot() throws Exception {
        String branch = "SGR-PELABUHAN-KLANG";
        LocalDate day = LocalDate.of(2026, 8, 19); // a Wednesday
        Http applicant = new Http(port);
        List<LocalTime> slots = new ArrayList<>();
        applicant.get("/api/v1/branches/" + branch + "/services/BKP/slots?date=" + day).json()
                .forEach(slot -> slots.add(LocalTime.parse(slot.get("start").asString())));
        List<String[]> booked = new ArrayList<>(); // reference, MyKad
        for (int i = 0; i < 8; i++) {
            String myKad = Applicants.nextMyKad();
            Map<String, Object> person = Applicants.myKadApplicant(myKad);
            Http.Response response = applicant.postJson("/api/v1/appointments", Map.of("branch", branch, "service",
                    "BKP", "date", day.toString(), "start", slots.get(i % 4).toString(), "applicant", person),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            booked.add(new String[] {response.json().get("reference").asString(), myKad});
        }
        Http places = adminAt(branch, "/services/BKP");
        Http closures = adminAt(branch, "/closures");
        String minutes = String.valueOf(slotMinutes(branch, "BKP"));

        try (SecondNode second = SecondNode.startBeside(environment)) {
            Http other = new Http(second.port());
            List<Callable<Http.Response>> tasks = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                String capacity = round == 0 ? "1" : "2";
                tasks.add(() -> places.postForm("/staff/branch/" + branch + "/settings/services/BKP",
                        Map.of("capacity", capacity, "slotMinutes", minutes, "leadDays", "", "windowMonths", "")));
            }
            tasks.add(() -> closures.postForm("/staff/branch/" + branch + "/settings/closures",
                    Map.of("day", day.plusDays(1).toString(), "nameMs", "Cuti", "nameEn", "Closure")));
            for (int i = 0; i < 16; i++) {
                Http node = i % 2 == 0 ? applicant : other;
                LocalTime start = slots.get(i % slots.size());
                tasks.add(() -> node.postJson("/api/v1/holds",
                        Map.of("branch", branch, "service", "BKP", "date", day.toString(), "start", start.toString())));
            }
            for (int i = 0; i < booked.size(); i++) {
                Http node = i % 2 == 0 ? other : applicant;
                String[] appointment = booked.get(i);
                LocalTime to = slots.get((i + 5) % slots.size());
                tasks.add(i % 2 == 0
                        ? () -> node.postJson("/api/v1/appointments/" + appointment[0] + "/cancel",
                                Map.of("documentNumber", appointment[1]))
                        : () -> node.postJson("/api/v1/appointments/" + appointment[0] + "/reschedule",
                                Map.of("documentNumber", appointment[1], "date", day.toString(), "start", to.toString())));
            }
            List<Http.Response> answers = Rush.fireTasks(tasks);
            assertThat(answers).extracting(Http.Response::status).as("no answer is a 500").allMatch(status -> status < 500)
                    .as("places were held, and appointments cancelled or moved, meanwhile").contains(201, 200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM slot WHERE " + SlotPlaces.taken("slot") + " > capacity").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM slot s WHERE s.branch_code = ? AND\s""" + SlotPlaces.taken("s") + """
                         <> (SELECT count(*) FROM appointment a
                            WHERE a.slot_id = s.id AND a.status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN'))
                          + (SELECT count(*) FROM hold h WHERE h.slot_id = s.id AND h.released_at IS NULL)""")
                .param(branch).query(Long.class).single()).as("every place accounted for").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM slot s JOIN offering o USING (branch_code, service_code)
                        WHERE s.branch_code = ? AND (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id
                            AND a.status IN ('PENDING', 'CONFIRMED')) > o.capacity""")
                .param(branch).query(Long.class).single()).as("no slot holds more appointments than its places").isZero();
    }

    // Helpers.

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    /** The confirmation form of an affected-appointments page, as the browser would send it. */
    private static Map<String, String> confirmation(String page) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            if (!m.group(1).equals("_csrf")) {
                form.put(m.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(2)));
            }
        }
        assertThat(form).containsKey("confirmed");
        return form;
    }

    /** Signs in a branch administrator who opens the page whose form they will send, as a browser does. */
    private Http adminAt(String branch, String page) {
        Http admin = new Http(port).loginAs(staff.branchAdmin(branch));
        assertThat(admin.get("/staff/branch/" + branch + "/settings" + page).status()).isEqualTo(200);
        return admin;
    }

    private String book(Http http, String branch, String service, LocalDate day, LocalTime start, String language,
            String email) {
        Http.Response response = http.postJson("/api/v1/appointments", booking(branch, service, day, start, email),
                "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", language);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("reference").asString();
    }

    private static Map<String, Object> booking(String branch, String service, LocalDate day, LocalTime start,
            String email) {
        Map<String, Object> applicant = Applicants.myKadApplicant(Applicants.nextMyKad());
        applicant.put("email", email);
        return Map.of("branch", branch, "service", service, "date", day.toString(), "start", start.toString(),
                "applicant", applicant);
    }

    private static String dayStatus(Http http, String branch, String service, LocalDate day) {
        return http.get("/api/v1/branches/" + branch + "/services/" + service + "/days?from=" + day + "&to=" + day)
                .json().get(0).get("status").asString();
    }

    private static LocalTime firstSlot(Http http, String branch, String service, LocalDate day) {
        return LocalTime.parse(http.get("/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + day)
                .json().get(0).get("start").asString());
    }

    private String status(String reference) {
        return jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(reference).query(String.class).single();
    }

    private int taken(String branch, String service, LocalDate day, LocalTime start) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(branch, service, day, start).query(Integer.class).single();
    }

    private int slotCapacity(String branch, String service, LocalDate day, LocalTime start) {
        return jdbc.sql("SELECT capacity FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(branch, service, day, start).query(Integer.class).single();
    }

    private int slotMinutes(String branch, String service) {
        return jdbc.sql("SELECT slot_minutes FROM offering WHERE branch_code = ? AND service_code = ?")
                .params(branch, service).query(Integer.class).single();
    }

    private int capacity(String branch, String service) {
        return jdbc.sql("SELECT capacity FROM offering WHERE branch_code = ? AND service_code = ?")
                .params(branch, service).query(Integer.class).single();
    }

    private int lateGrace(String branch) {
        return jdbc.sql("SELECT late_grace_minutes FROM branch WHERE code = ?").param(branch).query(Integer.class).single();
    }

    private long closures(String branch, LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM closure WHERE branch_code = ? AND day = ?").params(branch, day)
                .query(Long.class).single();
    }

    private long audits(String action, String branch) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND branch_code = ?").params(action, branch)
                .query(Long.class).single();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
