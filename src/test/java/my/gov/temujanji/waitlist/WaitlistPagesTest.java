package my.gov.temujanji.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The waitlist's pages without JavaScript, as plain requests: from a full day to the waitlist, the
 * code, the entry's page, the manage page's look-up, the offer taken into the booking's details; and
 * the back office's lengths and switch. Uses NSN-UTC-SEREMBAN (BKP; no other test does), August 2026.
 */
@IntegrationTest
class WaitlistPagesTest {

    static final String BRANCH = "NSN-UTC-SEREMBAN";
    static final LocalDate DAY = LocalDate.of(2026, 8, 11);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void fromAFullDayToTheWaitlistAndAPlaceGivenBackIntoTheBookingsDetails() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        Http http = new Http(port);
        WaitlistFixture fixture = new WaitlistFixture(jdbc, BRANCH, "BKP");
        String[] booked = fixture.fullDay(http, DAY, 3, LocalTime.of(10, 0));

        String slots = http.get("/book/slots?branch=" + BRANCH + "&service=BKP&date=" + DAY).body();
        assertThat(slots).contains("Tiada tempat pada tarikh yang anda mahu? Sertai senarai menunggu",
                "href=\"/waitlist/join?branch=NSN-UTC-SEREMBAN&amp;service=BKP&amp;from=2026-08-11&amp;to=2026-08-11\"");
        assertThat(http.get("/book/date?branch=" + BRANCH + "&service=BKP&month=2026-08").body())
                .contains("href=\"/waitlist/join?branch=NSN-UTC-SEREMBAN&amp;service=BKP&amp;from=2026-08-01&amp;to=2026-08-31\"");
        assertThat(http.get("/book/date?branch=" + BRANCH + "&service=BKP&month=2026-09").body())
                .as("no full day, no waitlist").doesNotContain("/waitlist/join");

        String form = http.get("/waitlist/join?branch=" + BRANCH + "&service=BKP&from=2026-08-11&to=2026-08-11").body();
        assertThat(form).contains("Sertai senarai menunggu", "value=\"2026-08-11\"", "Pagi (sebelum 12:00)");
        String myKad = Applicants.nextMyKad();
        Map<String, String> join = new LinkedHashMap<>(Map.of("branch", BRANCH, "service", "BKP", "from", "2026-08-11",
                "to", "2026-08-11", "partOfDay", "ANY", "documentType", "MYKAD", "documentNumber", myKad));
        join.put("email", "bukan-emel");
        String refused = http.postForm("/waitlist/join", join).body();
        assertThat(refused).contains("error-summary", "value=\"" + myKad + "\"");
        join.put("email", "menunggu@example.my");
        Http.Response joined = http.postForm("/waitlist/join", join);
        assertThat(joined.status()).isEqualTo(303);
        String confirm = path(joined.header("Location"));
        assertThat(confirm).matches("/waitlist/[0-9a-f-]{36}/confirm");
        String entry = confirm.replace("/confirm", "");
        assertThat(http.get(confirm).body()).contains("menunggu@example.my", "Masukkan kod sebelum jam 09:10.");
        String code = fixture.code(entry.substring("/waitlist/".length()));
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(http.postForm(confirm, Map.of("code", wrong)).body())
                .contains("Kod pengesahan tidak betul. Anda boleh mencuba 4 kali lagi.");
        Http.Response confirmed = http.postForm(confirm, Map.of("code", code));
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(path(confirmed.header("Location"))).isEqualTo(entry);
        assertThat(http.get(entry).body()).contains("Anda berada dalam senarai menunggu.", "Giliran anda sekarang: 1.",
                "Keluar dari senarai menunggu");

        // The manage page finds it by the document and the address.
        assertThat(http.get("/appointments/manage").body()).contains("Dalam senarai menunggu?");
        assertThat(http.postForm("/waitlist/find", Map.of("documentNumber", myKad, "email", "Menunggu@example.my"))
                .body()).contains("href=\"" + entry + "\"");

        assertThat(WaitlistFixture.cancel(http, booked).status()).isEqualTo(200);
        String offered = http.get(entry).body();
        assertThat(offered).contains("Satu tempat telah dipulangkan dan disimpan untuk anda.", "/waitlist/offers/");
        String offer = offered.replaceAll("(?s).*href=\"(/waitlist/offers/[0-9a-f-]{36})\".*", "$1");
        assertThat(http.get(offer).body()).contains("Selasa, 11 Ogos 2026", "10:00", "Ambil tempat ini",
                "Isnin, 13 Julai 2026, 11:00");
        Http.Response taken = http.postForm(offer + "/accept", Map.of());
        assertThat(taken.status()).isEqualTo(303);
        String details = path(taken.header("Location"));
        assertThat(details).matches("/book/holds/[0-9a-f-]{36}/details");
        assertThat(http.get(details).body()).contains("value=\"" + myKad.replace("-", "") + "\"",
                "value=\"menunggu@example.my\"");
        assertThat(path(http.postForm(offer + "/accept", Map.of()).header("Location"))).isEqualTo(details);
        assertThat(http.get(offer).body()).contains("Anda telah mengambil tempat ini.");
    }

    @Test
    void staffSeeTheLengthsAndASystemAdministratorSwitchesATypesWaitlistAudited() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        Http applicant = new Http(port);
        WaitlistFixture fixture = new WaitlistFixture(jdbc, BRANCH, "BKP");
        fixture.joined(applicant, DAY.plusDays(1), DAY.plusDays(2), "ANY", Applicants.nextMyKad(), "satu@example.my");
        StaffFixture staff = new StaffFixture(jdbc, passwords);
        Http officer = new Http(port).loginAs(staff.officer(BRANCH));
        String page = officer.get("/staff/waitlist").body();
        assertThat(page).contains("data-branch=\"NSN-UTC-SEREMBAN\"", "Pejabat Imigresen UTC Negeri Sembilan")
                .doesNotContain("data-branch=\"PRK-UTC-IPOH\"");
        assertThat(officer.get("/staff").body()).contains("/staff/waitlist");
        officer.get("/staff/waitlist");
        assertThat(officer.postForm("/staff/waitlist/services/BKP", Map.of("open", "false")).status()).isEqualTo(403);

        Http admin = new Http(port).loginAs(staff.systemAdmin());
        admin.get("/staff/waitlist");
        try {
            assertThat(admin.postForm("/staff/waitlist/services/BKP", Map.of("open", "false")).status()).isEqualTo(303);
            assertThat(admin.get("/staff/waitlist").body()).contains("Buka senarai menunggu");
            Http.Response closed = fixture.join(applicant, DAY, DAY, "ANY", Applicants.nextMyKad(), "dua@example.my");
            assertThat(closed.status()).isEqualTo(409);
            assertThat(closed.json().get("code").asString()).isEqualTo("WAITLIST_CLOSED");
            assertThat(applicant.get("/book/slots?branch=" + BRANCH + "&service=BKP&date=" + DAY).body())
                    .doesNotContain("/waitlist/join");
            assertThat(jdbc.sql("SELECT after ->> 'open' FROM audit_entry WHERE action = 'WAITLIST_SWITCHED' "
                    + "AND subject_id = 'BKP' ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo("false");
        } finally {
            admin.get("/staff/waitlist");
            assertThat(admin.postForm("/staff/waitlist/services/BKP", Map.of("open", "true")).status()).isEqualTo(303);
        }
        assertThat(fixture.join(applicant, DAY, DAY, "ANY", Applicants.nextMyKad(), "tiga@example.my").status())
                .isEqualTo(201);
    }

    @Test
    void morePlacesGoFirstToThoseWaitingInQueueOrderAndTheRestToThePublic() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        String branch = "SWK-UTC-MIRI"; // no other test uses it
        LocalDate day = LocalDate.of(2026, 8, 12);
        Http http = new Http(port);
        WaitlistFixture fixture = new WaitlistFixture(jdbc, branch, "BKP");
        fixture.fullDay(http, day, 2, LocalTime.of(9, 0));
        String afternoon = fixture.joined(http, day, day, "AFTERNOON", Applicants.nextMyKad(), "petang@example.my");
        String any = fixture.joined(http, day, day.plusDays(1), "ANY", Applicants.nextMyKad(), "bila@example.my");
        Http admin = new Http(port).loginAs(new StaffFixture(jdbc, passwords).branchAdmin(branch));
        admin.get("/staff/branch/" + branch + "/settings/services/BKP");

        Http.Response more = admin.postForm("/staff/branch/" + branch + "/settings/services/BKP",
                Map.of("capacity", "3", "slotMinutes", "15", "leadDays", "", "windowMonths", ""));
        assertThat(more.status()).isEqualTo(303);

        assertThat(WaitlistFixture.entry(http, afternoon).get("offer").get("start").asString()).isEqualTo("12:00");
        assertThat(WaitlistFixture.entry(http, any).get("offer").get("start").asString()).isEqualTo("08:00");
        assertThat(fixture.placesLeft(http, day, LocalTime.of(12, 0))).isZero();
        assertThat(fixture.placesLeft(http, day, LocalTime.of(8, 0))).isZero();
        assertThat(fixture.placesLeft(http, day, LocalTime.of(8, 15))).isEqualTo(1);

        // Fewer places again: the places held for offers go first and no appointment is cancelled.
        admin.get("/staff/branch/" + branch + "/settings/services/BKP");
        Http.Response fewer = admin.postForm("/staff/branch/" + branch + "/settings/services/BKP",
                Map.of("capacity", "2", "slotMinutes", "15", "leadDays", "", "windowMonths", ""));
        assertThat(fewer.status()).as("applied, no one to confirm as cancelled").isEqualTo(303);
        assertThat(jdbc.sql("""
                SELECT o.state FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id
                WHERE e.branch_code = ? ORDER BY o.offered_at, e.queue_number""").param(branch).query(String.class)
                .list()).as("both offers taken back").startsWith("TAKEN_BACK", "TAKEN_BACK");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE branch_code = ? AND status = 'CONFIRMED'")
                .param(branch).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'WAITLIST_OFFER_TAKEN_BACK' "
                + "AND branch_code = ?").param(branch).query(Long.class).single()).isEqualTo(2);
        assertThat(fixture.placesLeft(http, day, LocalTime.of(8, 0))).isZero();
        assertThat(fixture.placesLeft(http, day, LocalTime.of(12, 0))).isZero();
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
