package my.gov.temujanji.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Reports over real HTTP. Uses PNG-GEORGE-TOWN and PNG-SEBERANG-JAYA from 5 to 9 November 2026 (no other
 * test uses Penang's branches): Thursday 5th and Friday 6th are working days, Saturday 7th George
 * Town's Saturday session, Sunday 8th Deepavali and Monday 9th its replacement holiday in Penang.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    static final String GEORGE_TOWN = "PNG-GEORGE-TOWN";
    static final String SEBERANG_JAYA = "PNG-SEBERANG-JAYA";
    static final LocalDate THURSDAY = LocalDate.of(2026, 11, 5);
    static final String PERIOD = "from=2026-11-05&to=2026-11-09";
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MutableClock clock;

    StaffFixture staff;

    @BeforeAll
    void seed() {
        // Booked when the offering's capacity was 5: the slot keeps the capacity it was made with.
        long bkp = slot(GEORGE_TOWN, "BKP", THURSDAY, LocalTime.of(8, 0), 15, 5);
        for (String status : List.of("CONFIRMED", "CONFIRMED", "CHECKED_IN", "CHECKED_IN", "CHECKED_IN", "LATE",
                "NO_SHOW", "CANCELLED", "CANCELLED", "PENDING", "EXPIRED")) {
            appointment(bkp, GEORGE_TOWN, "BKP", THURSDAY, LocalTime.of(8, 0), status);
        }
        long friday = slot(GEORGE_TOWN, "VPP", THURSDAY.plusDays(1), LocalTime.of(9, 0), 30, 1);
        appointment(friday, GEORGE_TOWN, "VPP", THURSDAY.plusDays(1), LocalTime.of(9, 0), "CONFIRMED");
        appointment(friday, GEORGE_TOWN, "VPP", THURSDAY.plusDays(1), LocalTime.of(9, 0), "CANCELLED");
        // A holiday's appointment cancelled when the closure was declared: a row with no capacity.
        long sunday = slot(GEORGE_TOWN, "BKP", THURSDAY.plusDays(3), LocalTime.of(8, 0), 15, 3);
        appointment(sunday, GEORGE_TOWN, "BKP", THURSDAY.plusDays(3), LocalTime.of(8, 0), "CANCELLED");
        long other = slot(SEBERANG_JAYA, "BKP", THURSDAY, LocalTime.of(8, 0), 15, 4);
        for (int i = 0; i < 4; i++) {
            appointment(other, SEBERANG_JAYA, "BKP", THURSDAY, LocalTime.of(8, 0), "CONFIRMED");
        }
    }

    @BeforeEach
    void setUp() {
        staff = new StaffFixture(jdbc, passwords);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    /** George Town's figures: capacity from its hours (BKP 15 min x3, VPP 30 min x1), the rest counted. */
    static final List<String> GEORGE_TOWN_ROWS = List.of(
            "PNG-GEORGE-TOWN 2026-11-05 114 7 3 1 1 2", // 32 BKP slots (one of 5 places, 31 of 3) + 16 VPP
            "PNG-GEORGE-TOWN 2026-11-06 90 1 0 0 0 1", // Friday: 26 BKP slots x3 + 12 VPP
            "PNG-GEORGE-TOWN 2026-11-07 63 0 0 0 0 0", // Saturday 08:00-12:30: 18 x3 + 9
            "PNG-GEORGE-TOWN 2026-11-08 0 0 0 0 0 1"); // Deepavali; the 9th (its replacement) has nothing

    @Test
    void anOfficerSeesExactFiguresOfTheirBranchInPageChartAndCsv() {
        Http http = new Http(port).loginAs(staff.officer(GEORGE_TOWN));
        Http.Response page = http.get("/staff/reports?" + PERIOD);
        assertThat(page.status()).isEqualTo(200);
        assertThat(rows(page.body())).containsExactlyElementsOf(GEORGE_TOWN_ROWS);
        assertThat(page.body()).contains("data-total=\"267 8 3 1 1 4\"", "Laporan temujanji",
                "CONFIRMED, CHECKED_IN, LATE atau NO_SHOW", "href=\"/staff/reports.csv?branch=&amp;from=2026-11-05&amp;to=2026-11-09\"");
        assertThat(page.body()).doesNotContain(SEBERANG_JAYA + " 2026");

        // The chart: one group per day with its figures, and the same figures in the table after it.
        assertThat(chart(page.body())).containsExactly("2026-11-05 114 7 3", "2026-11-06 90 1 0", "2026-11-07 63 0 0",
                "2026-11-08 0 0 0", "2026-11-09 0 0 0");
        assertThat(page.body()).contains("<svg", "role=\"img\"", "<title id=\"chart-title\">")
                .doesNotContain("<script>", "style=\"");
        assertThat(page.body().replaceAll("\\s+", " ")).contains(
                "<tr data-day=\"2026-11-05\"> <th scope=\"row\">2026-11-05</th> <td>114</td> <td>7</td> <td>3</td> </tr>");

        Http.Response csv = http.get("/staff/reports.csv?" + PERIOD + "&lang=en");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"temujanji-all-2026-11-05-2026-11-09.csv\"");
        assertThat(csv.body()).isEqualTo("\uFEFF"
                + "Branch,Branch name,Date,Capacity,Booked,Checked in,Late,No-show,Cancelled\r\n"
                + "PNG-GEORGE-TOWN,George Town Immigration Branch Office,2026-11-05,114,7,3,1,1,2\r\n"
                + "PNG-GEORGE-TOWN,George Town Immigration Branch Office,2026-11-06,90,1,0,0,0,1\r\n"
                + "PNG-GEORGE-TOWN,George Town Immigration Branch Office,2026-11-07,63,0,0,0,0,0\r\n"
                + "PNG-GEORGE-TOWN,George Town Immigration Branch Office,2026-11-08,0,0,0,0,0,1\r\n");
        assertThat(http.get("/staff/reports.csv?" + PERIOD).body()).startsWith("\uFEFFCawangan,Nama cawangan,Tarikh,");
    }

    @Test
    void anotherBranchIsRefusedToAnOfficerAndOpenToASystemAdministrator() {
        Http officer = new Http(port).loginAs(staff.officer(GEORGE_TOWN));
        assertThat(officer.get("/staff/reports?branch=" + SEBERANG_JAYA + "&" + PERIOD).status()).isEqualTo(403);
        assertThat(officer.get("/staff/reports.csv?branch=" + SEBERANG_JAYA + "&" + PERIOD).status()).isEqualTo(403);
        assertThat(officer.get("/staff/reports.csv?branch=" + SEBERANG_JAYA).body()).doesNotContain("PNG-SEBERANG-JAYA,");

        Http admin = new Http(port).loginAs(staff.systemAdmin());
        Http.Response one = admin.get("/staff/reports?branch=" + SEBERANG_JAYA + "&" + PERIOD);
        assertThat(one.status()).isEqualTo(200);
        // Seberang Jaya offers 7 types; 4 confirmed appointments on the Thursday.
        assertThat(rows(one.body())).first().asString().startsWith("PNG-SEBERANG-JAYA 2026-11-05 ").endsWith(" 4 0 0 0 0");
        Http.Response all = admin.get("/staff/reports?" + PERIOD);
        assertThat(all.status()).isEqualTo(200);
        assertThat(rows(all.body())).containsAll(GEORGE_TOWN_ROWS)
                .anyMatch(r -> r.startsWith("PNG-SEBERANG-JAYA 2026-11-05 ") && r.endsWith(" 4 0 0 0 0"));
        assertThat(admin.get("/staff/reports.csv?branch=" + GEORGE_TOWN + "&" + PERIOD).header("Content-Disposition"))
                .contains("temujanji-PNG-GEORGE-TOWN-2026-11-05-2026-11-09.csv");
    }

    @Test
    void theDefaultPeriodIsTheLastSevenDaysAndTheNextSevenAndBadDatesAreExplained() {
        clock.set(THURSDAY.plusDays(2).atTime(10, 0));
        Http http = new Http(port).loginAs(staff.branchAdmin(GEORGE_TOWN));
        String page = http.get("/staff/reports").body();
        assertThat(page).contains("value=\"2026-10-31\"", "value=\"2026-11-14\"");
        assertThat(rows(page)).containsAll(GEORGE_TOWN_ROWS);

        Http.Response bad = http.get("/staff/reports?from=5/11/2026&to=2026-11-01&lang=en");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("class=\"error-summary\"",
                "<a href=\"#from\">Enter a date as YYYY-MM-DD, for example 2026-07-13</a>", "value=\"5/11/2026\"")
                .doesNotContain("data-row=");
        assertThat(http.get("/staff/reports?from=2026-11-05&to=2026-11-04").body())
                .contains("<a href=\"#to\">Tarikh akhir tidak boleh sebelum tarikh mula</a>");
        assertThat(http.get("/staff/reports?from=2026-01-01&to=2026-04-03").body())
                .contains("<a href=\"#to\">Tempoh laporan tidak boleh melebihi 92 hari</a>");
        assertThat(http.get("/staff/reports?from=2026-01-01&to=2026-04-02").body()).doesNotContain("error-summary");
        assertThat(http.get("/staff/reports.csv?from=2026-11-05&to=2026-11-04").status()).isEqualTo(400);
    }

    @Test
    void aTextCellASpreadsheetWouldRunIsDefused() {
        assertThat(ReportPages.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ReportPages.safe("+60")).isEqualTo("'+60");
        assertThat(ReportPages.safe("-1")).isEqualTo("'-1");
        assertThat(ReportPages.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportPages.safe("\tx")).isEqualTo("'\tx");
        assertThat(ReportPages.safe("George Town")).isEqualTo("George Town");
        assertThat(ReportPages.safe("")).isEmpty();
    }

    private static List<String> rows(String html) {
        return matches(Pattern.compile("data-row=\"([^\"]+)\""), html);
    }

    private static List<String> chart(String html) {
        return matches(Pattern.compile(
                "data-day=\"([^\"]+)\" data-capacity=\"(\\d+)\" data-booked=\"(\\d+)\" data-checked-in=\"(\\d+)\""), html);
    }

    private static List<String> matches(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            StringBuilder row = new StringBuilder(m.group(1));
            for (int i = 2; i <= m.groupCount(); i++) {
                row.append(' ').append(m.group(i));
            }
            found.add(row.toString());
        }
        return found;
    }

    private long slot(String branch, String service, LocalDate day, LocalTime start, int minutes, int capacity) {
        return jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(branch, service, day, start, start.plusMinutes(minutes), capacity)
                .query(Long.class).single();
    }

    private void appointment(long slotId, String branch, String service, LocalDate day, LocalTime start, String status) {
        int n = SEQUENCE.incrementAndGet();
        String reference = "RPT" + String.format("%07d", n).replace('0', 'Z').replace('1', 'Y');
        jdbc.sql("""
                        INSERT INTO appointment (reference, slot_id, branch_code, service_code, day, start_time, end_time,
                            status, full_name, document_type, document_number, nationality, email, phone, language,
                            idempotency_key, request_hash, created_at, cancelled_at, checked_in_at, checked_in_by,
                            late_at, no_show_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Pemohon Laporan', 'PASSPORT', ?, 'MYS', 'laporan@example.my',
                            '+60123456789', 'ms', ?, 'hash', ?, ?, ?, ?, ?, ?)""")
                .params(reference, slotId, branch, service, day, start, start.plusMinutes(15), status,
                        "RPT" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString(),
                        Timestamp.from(Instant.now()), when(status, "CANCELLED"), when(status, "CHECKED_IN"),
                        "CHECKED_IN".equals(status) ? "pegawai-laporan" : null, when(status, "LATE"),
                        when(status, "NO_SHOW"))
                .update();
    }

    /** The time a status was reached, for the column that records it (the schema requires it). */
    private static Timestamp when(String status, String recorded) {
        return status.equals(recorded) ? Timestamp.from(Instant.now()) : null;
    }
}
