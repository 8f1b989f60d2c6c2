package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.SecondNode;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The end-of-day job at NSN-SEREMBAN on 14 and 15 July 2026 (no other test books there). It marks every
 * appointment of an earlier day still confirmed, whichever branch: the dates are the first bookable
 * ones, so the few other tests' appointments it may meet are of days already over in their own tests.
 */
@IntegrationTest
class NoShowsTest {

    static final String BRANCH = "NSN-SEREMBAN";
    static final String SERVICE = "BKP";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 7, 14);
    static final LocalDate SECOND_DAY = LocalDate.of(2026, 7, 15);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    NoShows noShows;
    @Autowired
    Environment environment;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void confirmedAppointmentsOfADayOverBecomeNoShowOnceWhileCheckedInOnesStayWhateverTheNodes() throws Exception {
        Http applicant = new Http(port);
        clock.set(FIRST_DAY.minusDays(1).atTime(9, 0));
        CounterBookings.Booked absent = CounterBookings.book(applicant, BRANCH, SERVICE, FIRST_DAY, 0,
                "Tidak Hadir", "tidak-hadir@example.my", "ms");
        CounterBookings.Booked present = CounterBookings.book(applicant, BRANCH, SERVICE, FIRST_DAY, 1,
                "Hadir Awal", "hadir@example.my", "ms");
        List<CounterBookings.Booked> nextDay = List.of(
                CounterBookings.book(applicant, BRANCH, SERVICE, SECOND_DAY, 0, "Esok Satu", "esok@example.my", "ms"),
                CounterBookings.book(applicant, BRANCH, SERVICE, SECOND_DAY, 1, "Esok Dua", "esok@example.my", "ms"),
                CounterBookings.book(applicant, BRANCH, SERVICE, SECOND_DAY, 2, "Esok Tiga", "esok@example.my", "ms"));

        clock.set(FIRST_DAY.atTime(7, 30));
        Http officer = new Http(port).loginAs(new StaffFixture(jdbc, passwords).officer(BRANCH));
        String presentPath = "/staff/counter/" + BRANCH + "/appointments/" + present.reference();
        officer.get(presentPath);
        assertThat(officer.postForm(presentPath + "/check-in", Map.of()).status()).isEqualTo(303);

        clock.set(FIRST_DAY.atTime(23, 59));
        noShows.markNoShows();
        assertThat(status(absent)).as("the day is not over").isEqualTo("CONFIRMED");

        clock.set(SECOND_DAY.atTime(0, 0));
        assertThat(noShows.markNoShows()).isPositive();
        assertThat(status(absent)).isEqualTo("NO_SHOW");
        assertThat(status(present)).isEqualTo("CHECKED_IN");
        assertThat(taken(absent)).as("a no-show keeps no place").isZero();
        assertThat(taken(present)).isEqualTo(1);
        String markedAt = noShowAt(absent);
        assertThat(markedAt).isNotNull();
        assertThat(noShows.markNoShows()).as("run twice").isZero();
        assertThat(noShowAt(absent)).isEqualTo(markedAt);
        nextDay.forEach(b -> assertThat(status(b)).isEqualTo("CONFIRMED"));

        try (SecondNode other = SecondNode.startBeside(environment)) {
            clock.set(SECOND_DAY.plusDays(1).atTime(0, 5));
            other.bean(MutableClock.class).set(SECOND_DAY.plusDays(1).atTime(0, 5));
            long due = jdbc.sql("SELECT count(*) FROM appointment WHERE status = 'CONFIRMED' AND day <= ?")
                    .param(SECOND_DAY).query(Long.class).single();
            NoShows otherNoShows = other.bean(NoShows.class);
            List<Callable<Integer>> both = List.of(noShows::markNoShows, otherNoShows::markNoShows,
                    noShows::markNoShows, otherNoShows::markNoShows);

            List<Integer> marked = Rush.fireTasks(both);

            assertThat(marked.stream().mapToInt(Integer::intValue).sum()).as("each marked once").isEqualTo(due);
        }
        for (CounterBookings.Booked b : nextDay) {
            assertThat(status(b)).isEqualTo("NO_SHOW");
            assertThat(taken(b)).as("its place given back once").isZero();
        }
        assertThat(status(present)).isEqualTo("CHECKED_IN");
    }

    private String status(CounterBookings.Booked booked) {
        return jdbc.sql("SELECT status FROM appointment WHERE reference = ?").param(booked.reference())
                .query(String.class).single();
    }

    private String noShowAt(CounterBookings.Booked booked) {
        return jdbc.sql("SELECT no_show_at::text FROM appointment WHERE reference = ?").param(booked.reference())
                .query(String.class).single();
    }

    private int taken(CounterBookings.Booked booked) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("s") + " FROM slot s JOIN appointment a ON a.slot_id = s.id WHERE a.reference = ?")
                .param(booked.reference()).query(Integer.class).single();
    }
}
