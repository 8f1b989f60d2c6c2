package my.gov.temujanji.fairaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Blocks (sekatan): staff blocks placed and lifted on the back office's page, the automatic block after
 * missed appointments, and both refused by the booking on every node. Books only at JHR-MUAR (BKP),
 * July to September 2026: no other test books there.
 */
@IntegrationTest
@TestPropertySource(properties = BlockingTest.AUTOMATIC_ON)
class BlockingTest {

    static final String AUTOMATIC_ON = "temujanji.blocking.missed-appointments=3";
    private static final String BRANCH = "JHR-MUAR";
    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    StaffFixture staff;
    Http http;
    Http other;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        node2 = SecondNode.startBeside(environment, List.of(AUTOMATIC_ON));
    }

    @AfterAll
    static void stopSecondNode() {
        node2.close();
    }

    @BeforeEach
    void setUp() {
        staff = new StaffFixture(jdbc, passwords);
        http = new Http(port);
        other = new Http(node2.port());
        at(TestClockConfiguration.DEFAULT_NOW);
    }

    @AfterEach
    void resetClock() {
        at(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void aStaffBlockOfADocumentIsRefusedOnEveryNodeWithItsReasonAndLastDayUntilItEndsOrIsLifted() {
        String myKad = Applicants.nextMyKad();
        Http admin = new Http(port).loginAs(staff.branchAdmin("JHR-JOHOR-BAHRU"));
        assertThat(admin.get("/staff/blocks").body()).contains("Sekatan pemohon", "href=\"/staff/blocks\"");

        // Values kept and each problem at its field when the form is wrong.
        Http.Response wrong = admin.postForm("/staff/blocks", form("MYKAD", "12345", "", "", "31/02/2026"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("error-summary", "href=\"#documentNumber\"", "href=\"#reason\"",
                "href=\"#lastDay\"", "Nombor MyKad mesti 12 digit", "value=\"12345\"", "value=\"31/02/2026\"");
        assertThat(admin.postForm("/staff/blocks", form("MYKAD", myKad, "", "AGENT", "13/07/2026")).body())
                .contains("Hari terakhir sekatan mesti selepas hari ini");

        Http.Response placed = admin.postForm("/staff/blocks", form("MYKAD", myKad, "", "AGENT", "31/07/2026"));
        assertThat(placed.status()).isEqualTo(303);
        String digits = myKad.replace("-", "");
        long id = jdbc.sql("SELECT id FROM applicant_block WHERE document_type = 'MYKAD' AND document_number = ?")
                .param(digits).query(Long.class).single();
        assertThat(admin.get("/staff/blocks").body()).contains("data-block=\"" + id + "\"", digits, "31/07/2026",
                "Nota ujian");
        assertThat(auditEntries("BLOCK_PLACED", id)).isEqualTo(1);

        // The API on either node, in the request's language: refused, without saying that, why or until
        // when the document is blocked (whoever typed it may not be its owner).
        Http.Response malay = bookByApi(http, myKad, "blocked1@blocking.example.my", LocalDate.of(2026, 7, 28), "10:00");
        assertThat(malay.status()).isEqualTo(403);
        assertThat(malay.json().get("code").asString()).isEqualTo("BOOKING_REFUSED");
        assertThat(malay.json().get("detail").asString()).isEqualTo("Temujanji tidak dapat dibuat dengan butiran ini. "
                + "Sila hubungi mana-mana cawangan imigresen untuk mendapatkan bantuan.");
        Http.Response english = bookByApi(other, myKad, "blocked1@blocking.example.my", LocalDate.of(2026, 7, 28),
                "10:00", "Accept-Language", "en");
        assertThat(english.status()).isEqualTo(403);
        assertThat(english.json().get("detail").asString()).isEqualTo("An appointment cannot be booked with these "
                + "details. Please contact any immigration branch for help.");
        assertThat(english.body()).doesNotContain("July", "agent", "blocked");
        assertThat(placesTaken(LocalDate.of(2026, 7, 28))).isZero();

        // The page on the second node: the details as typed, the same neutral refusal at the top.
        Http visitor = new Http(node2.port());
        String details = hold(visitor, LocalDate.of(2026, 7, 28), "10:00");
        Http.Response page = visitor.postForm(details, applicantForm(myKad, "blocked2@blocking.example.my"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("error-summary", "href=\"#fullName\"",
                "Temujanji tidak dapat dibuat dengan butiran ini.",
                "value=\"Nurul Izzah binti Kamal\"", "value=\"" + myKad + "\"", "value=\"blocked2@blocking.example.my\"")
                .doesNotContain("31 Julai 2026", "Sebab:", "disekat", "href=\"#documentNumber\"");

        // The last day is still blocked; the day after, the same document books.
        at(LocalDateTime.of(2026, 7, 31, 16, 0));
        assertThat(bookByApi(http, myKad, "blocked1@blocking.example.my", LocalDate.of(2026, 8, 4), "10:00").status())
                .isEqualTo(403);
        at(LocalDateTime.of(2026, 8, 1, 9, 0));
        assertThat(bookByApi(other, myKad, "blocked1@blocking.example.my", LocalDate.of(2026, 8, 4), "10:00").status())
                .isEqualTo(201);
        assertThat(admin.get("/staff/blocks").body()).contains("Tamat");
        assertThat(admin.postForm("/staff/blocks/" + id + "/lift", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void anAddressBlockStopsAPageBookingAtTheConfirmationAndLiftingItEarlyLetsItThrough() {
        String email = "Pemohon.Sekat@Blocking.Example.MY";
        String myKad = Applicants.nextMyKad();
        Http admin = new Http(port).loginAs(staff.systemAdmin());
        admin.get("/staff/blocks");
        // The details are saved before the block: the booking transaction refuses the confirmation.
        String details = hold(http, LocalDate.of(2026, 7, 29), "10:15");
        assertThat(http.postForm(details, applicantForm(myKad, email)).status()).isEqualTo(303);
        assertThat(admin.postForm("/staff/blocks", form("", "", " " + email + " ", "MISUSE", "30/09/2026"))
                .status()).isEqualTo(303);
        long id = jdbc.sql("SELECT id FROM applicant_block WHERE email = 'pemohon.sekat@blocking.example.my'")
                .query(Long.class).single();

        String confirm = details.replace("/details", "/confirm");
        Http.Response refused = http.postForm(confirm, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("error-summary", "href=\"#fullName\"",
                "Temujanji tidak dapat dibuat dengan butiran ini.", "value=\"" + email + "\"", "value=\"" + myKad + "\"")
                .doesNotContain("disekat", "30 September 2026");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE document_number = ?")
                .param(myKad.replace("-", "")).query(Integer.class).single()).isZero();

        Http.Response lifted = admin.postForm("/staff/blocks/" + id + "/lift", Map.of());
        assertThat(lifted.status()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT lifted_by IS NOT NULL FROM applicant_block WHERE id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(auditEntries("BLOCK_LIFTED", id)).isEqualTo(1);
        assertThat(admin.get("/staff/blocks").body()).contains("Ditarik balik oleh");
        assertThat(http.postForm(confirm, Map.of()).status()).isEqualTo(303);
    }

    @Test
    void aBlockedApplicantCannotMoveAnAppointmentOnAnyNodeButCanStillCancelIt() {
        String myKad = Applicants.nextMyKad();
        LocalDate day = LocalDate.of(2026, 8, 12);
        String reference = reference(bookByApi(http, myKad, "pindah@blocking.example.my", day, "10:00"));
        Http admin = new Http(port).loginAs(staff.branchAdmin(BRANCH));
        admin.get("/staff/blocks");
        assertThat(admin.postForm("/staff/blocks", form("MYKAD", myKad, "", "AGENT", "31/07/2026")).status())
                .isEqualTo(303);
        int takenBefore = placesTaken(day);

        // A move takes a new place, as a booking does: refused on the API of either node, in its language.
        Http.Response api = other.postJson("/api/v1/appointments/" + reference + "/reschedule",
                Map.of("documentNumber", myKad, "date", day.toString(), "start", "11:00"), "Accept-Language", "en");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().get("code").asString()).isEqualTo("APPLICANT_BLOCKED");
        assertThat(api.json().get("detail").asString()).isEqualTo("This document is blocked from booking "
                + "appointments until July 31, 2026 (inclusive). Reason: Appointments were made by or for an agent. "
                + "Booking is free and must be done by the applicant. You can book again after that date.");

        // The pages say why at the first step of a move, and again if the block came while the date was chosen.
        String why = "Dokumen ini disekat daripada membuat temujanji sehingga 31 Julai 2026 (termasuk hari itu). "
                + "Sebab: Temujanji dibuat oleh atau untuk ejen.";
        Http applicant = new Http(node2.port());
        applicant.get("/appointments/manage");
        Map<String, String> pair = Map.of("reference", reference, "documentNumber", myKad);
        Http.Response lookedUp = applicant.postForm("/appointments/manage", pair);
        assertThat(lookedUp.status()).isEqualTo(303);
        String draft = lookedUp.header("Location").replaceFirst("^https?://[^/]+", "");
        Http.Response start = applicant.get(draft + "/reschedule");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("data-notice", why).doesNotContain("month-nav");
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("date", day.toString());
        chosen.put("start", "11:00");
        Http.Response confirm = applicant.postForm(draft + "/reschedule", chosen);
        assertThat(confirm.status()).isEqualTo(303);
        assertThat(applicant.get(confirm.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("data-notice", why);
        assertThat(jdbc.sql("SELECT day || ' ' || start_time || ' ' || status FROM appointment WHERE reference = ?")
                .param(reference).query(String.class).single()).isEqualTo(day + " 10:00:00 CONFIRMED");
        assertThat(placesTaken(day)).isEqualTo(takenBefore);

        // Cancelling gives a place back: it stays open to the blocked.
        Http.Response cancelled = http.postJson("/api/v1/appointments/" + reference + "/cancel",
                Map.of("documentNumber", myKad));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(placesTaken(day)).isEqualTo(takenBefore - 1);
    }

    @Test
    void aBranchAdministratorLiftsOnlyTheBlocksOfTheirOwnBranchesAndTimesAreBranchTime() {
        Http placer = new Http(port).loginAs(staff.branchAdmin("PRK-IPOH", "PRK-TAIPING"));
        Http colleague = new Http(port).loginAs(staff.branchAdmin("PRK-TAIPING"));
        Http stranger = new Http(port).loginAs(staff.branchAdmin("SBH-SANDAKAN"));
        Http system = new Http(port).loginAs(staff.systemAdmin());
        at(LocalDateTime.of(2026, 7, 13, 9, 5));
        placer.get("/staff/blocks");
        String first = Applicants.nextMyKad();
        String second = Applicants.nextMyKad();
        assertThat(placer.postForm("/staff/blocks", form("MYKAD", first, "", "AGENT", "31/07/2026")).status())
                .isEqualTo(303);
        assertThat(placer.postForm("/staff/blocks", form("MYKAD", second, "", "AGENT", "31/07/2026")).status())
                .isEqualTo(303);
        long firstId = blockId(first);
        long secondId = blockId(second);

        // Placed at 09:05 in Kuala Lumpur, whatever the server's zone (01:05 in UTC).
        String strangersPage = stranger.get("/staff/blocks").body();
        assertThat(strangersPage).contains("13/07/2026 09:05").doesNotContain("13/07/2026 01:05")
                .contains("data-block=\"" + firstId + "\"")
                .doesNotContain("/staff/blocks/" + firstId + "/lift");
        Http.Response refused = stranger.postForm("/staff/blocks/" + firstId + "/lift", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Sekatan ini diletakkan oleh cawangan lain");
        assertThat(auditEntries("BLOCK_LIFTED", firstId)).isZero();

        assertThat(colleague.get("/staff/blocks").body()).contains("/staff/blocks/" + firstId + "/lift");
        assertThat(colleague.postForm("/staff/blocks/" + firstId + "/lift", Map.of()).status()).isEqualTo(303);
        system.get("/staff/blocks");
        assertThat(system.postForm("/staff/blocks/" + secondId + "/lift", Map.of()).status()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT lifted_by FROM applicant_block WHERE id IN (?, ?) ORDER BY id")
                .params(firstId, secondId).query(String.class).list()).doesNotContainNull().hasSize(2);
        assertThat(stranger.get("/staff/blocks").body()).contains("13/07/2026 09:05");
    }

    private long blockId(String myKad) {
        return jdbc.sql("SELECT id FROM applicant_block WHERE document_type = 'MYKAD' AND document_number = ?")
                .param(myKad.replace("-", "")).query(Long.class).single();
    }

    @Test
    void officersCannotBlockAndAFormWithoutTheCsrfTokenIsRefused() {
        Http officer = new Http(port).loginAs(staff.officer("JHR-JOHOR-BAHRU"));
        assertThat(officer.get("/staff/blocks").status()).isEqualTo(403);
        assertThat(officer.get("/staff").body()).doesNotContain("href=\"/staff/blocks\"");
        String myKad = Applicants.nextMyKad();
        assertThat(officer.postForm("/staff/blocks", form("MYKAD", myKad, "", "AGENT", "31/07/2026")).status())
                .isEqualTo(403);

        Http admin = new Http(port).loginAs(staff.branchAdmin("JHR-JOHOR-BAHRU"));
        admin.get("/staff/blocks");
        Map<String, String> noToken = new LinkedHashMap<>(form("MYKAD", myKad, "", "AGENT", "31/07/2026"));
        assertThat(admin.postFormWithoutToken("/staff/blocks", noToken).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM applicant_block WHERE document_number = ?")
                .param(myKad.replace("-", "")).query(Integer.class).single()).isZero();
    }

    @Test
    void threeMissedAppointmentsWithinTheWindowBlockTheDocumentForThePeriodButTwoDoNot() {
        String myKad = Applicants.nextMyKad();
        String email = "missed@blocking.example.my";
        // One active appointment per document and transaction type: each is missed before the next is booked.
        String first = reference(bookByApi(http, myKad, email, LocalDate.of(2026, 7, 20), "09:00"));
        at(LocalDateTime.of(2026, 7, 21, 9, 0));
        jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', no_show_at = '2026-07-21 00:10+08' WHERE reference = ?")
                .param(first).update();
        String second = reference(bookByApi(other, myKad, email, LocalDate.of(2026, 7, 22), "09:00"));
        at(LocalDateTime.of(2026, 7, 23, 9, 0));
        jdbc.sql("UPDATE appointment SET status = 'LATE', late_at = '2026-07-22 09:00+08' WHERE reference = ?")
                .param(second).update();
        // A no-show and a late arrival: two missed, one short of the block.
        String third = reference(bookByApi(other, myKad, email, LocalDate.of(2026, 7, 27), "09:00"));

        // Cancelled by the applicant 23 hours before the slot: the third missed appointment.
        at(LocalDateTime.of(2026, 7, 26, 10, 0));
        assertThat(http.postJson("/api/v1/appointments/" + third + "/cancel", Map.of("documentNumber", myKad)).status())
                .isEqualTo(200);
        Http.Response blocked = bookByApi(other, myKad, email, LocalDate.of(2026, 8, 3), "09:00",
                "Accept-Language", "en");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("code").asString()).isEqualTo("BOOKING_REFUSED");
        assertThat(blocked.json().get("detail").asString()).isEqualTo("An appointment cannot be booked with these "
                + "details. Please contact any immigration branch for help.");
        // Another document with the same address is not blocked: the automatic block is the document's.
        assertThat(bookByApi(http, Applicants.nextMyKad(), email, LocalDate.of(2026, 8, 3), "09:15").status())
                .isEqualTo(201);

        at(LocalDateTime.of(2026, 8, 26, 15, 0));
        assertThat(bookByApi(http, myKad, email, LocalDate.of(2026, 9, 1), "09:00").status()).isEqualTo(403);
        at(LocalDateTime.of(2026, 8, 27, 9, 0));
        assertThat(bookByApi(http, myKad, email, LocalDate.of(2026, 9, 1), "09:00").status()).isEqualTo(201);
    }

    @Test
    void aCancellationMoreThanADayAheadAndCancellationsByTheBranchDoNotCount() {
        String myKad = Applicants.nextMyKad();
        String email = "early@blocking.example.my";
        String first = reference(bookByApi(http, myKad, email, LocalDate.of(2026, 7, 28), "11:00"));
        at(LocalDateTime.of(2026, 7, 29, 9, 0));
        jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', no_show_at = now() WHERE reference = ?").param(first)
                .update();
        String second = reference(bookByApi(http, myKad, email, LocalDate.of(2026, 7, 30), "11:00"));
        at(LocalDateTime.of(2026, 7, 31, 9, 0));
        jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', no_show_at = now() WHERE reference = ?").param(second)
                .update();
        String early = reference(bookByApi(http, myKad, email, LocalDate.of(2026, 8, 4), "11:00"));
        // More than a day before the slot: not a missed appointment.
        at(LocalDateTime.of(2026, 8, 1, 10, 0));
        assertThat(http.postJson("/api/v1/appointments/" + early + "/cancel", Map.of("documentNumber", myKad)).status())
                .isEqualTo(200);
        // Cancelled by the branch (a closure) an hour before: not the applicant's doing.
        String byBranch = reference(bookByApi(http, myKad, email, LocalDate.of(2026, 8, 5), "11:00"));
        at(LocalDateTime.of(2026, 8, 5, 10, 0));
        jdbc.sql("UPDATE appointment SET status = 'CANCELLED', cancelled_at = now(), cancelled_by_staff = 'pentadbir' "
                + "WHERE reference = ?").param(byBranch).update();
        assertThat(bookByApi(http, myKad, email, LocalDate.of(2026, 8, 6), "11:00").status()).isEqualTo(201);
    }

    private void at(LocalDateTime time) {
        clock.set(time);
        node2.bean(MutableClock.class).set(time);
    }

    private int auditEntries(String action, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND subject_type = 'applicant_block' "
                + "AND subject_id = ? AND after IS NOT NULL").params(action, String.valueOf(id))
                .query(Integer.class).single();
    }

    private int placesTaken(LocalDate day) {
        return jdbc.sql("SELECT coalesce(sum(" + SlotPlaces.taken("slot") + "), 0) FROM slot WHERE branch_code = ? AND day = ?")
                .params(BRANCH, day).query(Integer.class).single();
    }

    private static Map<String, String> form(String type, String number, String email, String reason, String lastDay) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("documentType", type);
        form.put("documentNumber", number);
        form.put("email", email);
        form.put("reason", reason);
        form.put("note", "Nota ujian");
        form.put("lastDay", lastDay);
        return form;
    }

    private static Map<String, String> applicantForm(String myKad, String email) {
        return Map.of("fullName", "Nurul Izzah binti Kamal", "documentType", "MYKAD", "documentNumber", myKad,
                "nationality", "", "email", email, "phone", "012-345 6789");
    }

    /** Takes a hold through the pages; the details page's path. */
    private static String hold(Http node, LocalDate day, String start) {
        Http.Response hold = node.postForm("/book/holds",
                Map.of("branch", BRANCH, "service", "BKP", "date", day.toString(), "start", start));
        assertThat(hold.status()).isEqualTo(303);
        return hold.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    private static Http.Response bookByApi(Http node, String myKad, String email, LocalDate day, String start,
            String... headers) {
        Map<String, Object> applicant = Applicants.myKadApplicant(myKad);
        applicant.put("email", email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", BRANCH);
        body.put("service", "BKP");
        body.put("date", day.toString());
        body.put("start", LocalTime.parse(start).toString());
        body.put("applicant", applicant);
        String[] all = new String[headers.length + 2];
        all[0] = "Idempotency-Key";
        all[1] = UUID.randomUUID().toString();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return node.postJson("/api/v1/appointments", body, all);
    }

    private static String reference(Http.Response booked) {
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }
}
