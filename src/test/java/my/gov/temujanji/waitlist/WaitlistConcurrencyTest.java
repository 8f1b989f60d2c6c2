package my.gov.temujanji.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import my.gov.temujanji.support.SlotPlaces;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 100 places given back at once, half on each of two nodes, with 1,000 applicants waiting: 100
 * offers, to the first 100 in the queue, no place offered twice and no applicant offered two places.
 * The same check run on a naive read-then-write offer (the control) catches it. Uses PHG-UTC-KUANTAN
 * (BKP, three places a slot; no other test does) on 1 September 2026.
 */
@IntegrationTest
@Import(NaiveOfferEndpoint.class)
class WaitlistConcurrencyTest {

    static final String BRANCH = "PHG-UTC-KUANTAN";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    private static SecondNode node2;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        node2 = SecondNode.startBeside(environment, NaiveOfferEndpoint.class);
    }

    @AfterAll
    static void stopSecondNode() {
        node2.close();
    }

    @Test
    void oneHundredPlacesGivenBackOnTwoNodesGoToTheFirstHundredOfAThousandWaitingOnceEach() throws Exception {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        node2.bean(MutableClock.class).set(TestClockConfiguration.DEFAULT_NOW);
        Http http = new Http(port);
        Http other = new Http(node2.port());
        WaitlistFixture fixture = new WaitlistFixture(jdbc, BRANCH, SERVICE);
        List<String[]> booked = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            booked.add(fixture.book(i % 2 == 0 ? http : other, DAY, LocalTime.of(8, 0).plusMinutes(15L * (i / 3))));
        }
        // A thousand confirmed entries, in queue order (written directly: the claim is about the offers).
        jdbc.sql("""
                INSERT INTO waitlist_entry (id, branch_code, service_code, first_day, last_day, part_of_day,
                    document_type, document_number, email, language, state, code_expires_at, created_at, queue_number)
                SELECT gen_random_uuid(), ?, ?, ?, ?, 'ANY', 'PASSPORT', 'WLC' || lpad(n::text, 6, '0'),
                    'wl' || n || '@example.my', 'ms', 'WAITING', now(), now(), nextval('waitlist_queue_number')
                FROM generate_series(1, 1000) n ORDER BY n""")
                .params(BRANCH, SERVICE, DAY.minusDays(3), DAY.plusDays(3)).update();
        List<Long> queue = jdbc.sql("SELECT queue_number FROM waitlist_entry WHERE branch_code = ? ORDER BY 1")
                .param(BRANCH).query(Long.class).list();
        assertThat(queue).hasSize(1000);

        List<Http.Response> cancelled = Rush.fire(100,
                i -> WaitlistFixture.cancel(i % 2 == 0 ? http : other, booked.get(i)));
        assertThat(cancelled).extracting(Http.Response::status).containsOnly(200);

        List<Long> offered = jdbc.sql("""
                SELECT e.queue_number FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id
                WHERE e.branch_code = ? AND o.state = 'LIVE' ORDER BY 1""").param(BRANCH).query(Long.class).list();
        assertThat(offeredInQueueOrderOnce(offered, queue.subList(0, 100))).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM waitlist_entry WHERE branch_code = ? AND state = 'OFFERED'")
                .param(BRANCH).query(Long.class).single()).isEqualTo(100);
        // Every place is held once: one offer each, and each slot counts its appointments and its places held.
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT o.place_id) FROM waitlist_offer o JOIN waitlist_place p ON p.id = o.place_id
                WHERE p.branch_code = ?""").param(BRANCH).query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM waitlist_offer o JOIN waitlist_place p ON p.id = o.place_id "
                + "WHERE p.branch_code = ?").param(BRANCH).query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM slot s WHERE s.branch_code = ? AND s.day = ? AND "
                + SlotPlaces.taken("s") + """
                 <> (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('PENDING', 'CONFIRMED'))
                    + (SELECT count(*) FROM waitlist_place p WHERE p.slot_id = s.id AND p.state = 'OFFERED')""")
                .params(BRANCH, DAY).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT sum(" + SlotPlaces.taken("slot") + ") FROM slot WHERE branch_code = ? AND day = ?").params(BRANCH, DAY)
                .query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void theSameCheckCatchesANaiveReadThenWriteOffer() throws Exception {
        jdbc.sql(NaiveOfferEndpoint.TABLE).update();
        jdbc.sql("INSERT INTO naive_waitlist (queue_number) SELECT generate_series(1, 1000)").update();
        Http http = new Http(port);
        Http other = new Http(node2.port());
        List<Http.Response> answers = Rush.fire(100, i -> (i % 2 == 0 ? http : other).postJson("/api/test/naive-offers", "{}"));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        List<Long> offered = answers.stream().map(r -> r.json().get("entry").asLong()).sorted().toList();
        assertThat(offeredInQueueOrderOnce(offered, LongStream.rangeClosed(1, 100).boxed().toList()))
                .as("the naive offer gives one entry several places: %s", offered).isFalse();
    }

    /** Whether the entries offered a place are exactly the first ones of the queue, each once. */
    private static boolean offeredInQueueOrderOnce(List<Long> offered, List<Long> firstOfQueue) {
        return offered.equals(firstOfQueue);
    }
}
