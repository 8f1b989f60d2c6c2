package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.GroupRequests;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.StaffFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The counter shows a group booking together and checks each person in on their own. PHG-TEMERLOH, 5 August 2026. */
@IntegrationTest
class GroupCounterTest {

    static final String BRANCH = "PHG-TEMERLOH";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 8, 5);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void theGroupIsShownTogetherAndEachPersonIsCheckedInAlone() {
        clock.set(DAY.minusDays(1).atTime(10, 0));
        Http applicant = new Http(port);
        LocalTime start = LocalTime.parse(applicant.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE
                + "/slots?date=" + DAY).json().get(0).get("start").asString());
        Http.Response booked = applicant.postJson("/api/v1/groups",
                GroupRequests.body(BRANCH, SERVICE, DAY, start, GroupRequests.documents(3)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        List<String> references = new ArrayList<>();
        booked.json().get("members").forEach(m -> references.add(m.get("reference").asString()));

        clock.set(DAY.atTime(start.minusMinutes(30)));
        Http officer = new Http(port).loginAs(new StaffFixture(jdbc, passwords).officer(BRANCH));
        String page = officer.get("/staff/counter/" + BRANCH + "/appointments/" + references.get(0) + "?lang=en").body();
        assertThat(page).contains("Booked together in one booking", "Ahmad bin Ismail", "Nur Iman binti Ahmad",
                "/staff/counter/" + BRANCH + "/appointments/" + references.get(2));

        officer.get("/staff/counter/" + BRANCH + "/appointments/" + references.get(1));
        Http.Response checkedIn = officer.postForm("/staff/counter/" + BRANCH + "/appointments/" + references.get(1)
                + "/check-in", Map.of());
        assertThat(checkedIn.status()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT string_agg(status, ',' ORDER BY group_position) FROM appointment WHERE reference IN (?, ?, ?)")
                .params(references.toArray()).query(String.class).single()).isEqualTo("CONFIRMED,CHECKED_IN,CONFIRMED");
        assertThat(officer.get("/staff/counter/" + BRANCH + "/appointments/" + references.get(0) + "?lang=en").body())
                .contains("Checked in");
    }

    @Test
    void theDayListKeepsAGroupTogetherInItsOrderWithEachPersonsPlace() {
        LocalDate day = DAY.plusDays(1);
        clock.set(day.minusDays(1).atTime(10, 0));
        Http applicant = new Http(port);
        LocalTime start = LocalTime.parse(applicant.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE
                + "/slots?date=" + day).json().get(0).get("start").asString());
        // Alone at the same time.
        Map<String, Object> alone = new LinkedHashMap<>(Applicants.myKadApplicant(Applicants.nextMyKad()));
        alone.put("fullName", "Badrul bin Osman");
        Http.Response single = applicant.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                "date", day.toString(), "start", start.toString(), "applicant", alone),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        Http.Response booked = applicant.postJson("/api/v1/groups",
                GroupRequests.body(BRANCH, SERVICE, day, start, GroupRequests.documents(3)),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);

        clock.set(day.atTime(start.minusMinutes(30)));
        Http officer = new Http(port).loginAs(new StaffFixture(jdbc, passwords).officer(BRANCH));
        Document list = Jsoup.parse(officer.get("/staff/counter/" + BRANCH + "?lang=en").body());
        List<String> rows = list.select("[data-row]").stream()
                .map(row -> row.selectFirst("a").text() + " | " + row.select("[data-group-person]").text()).toList();
        // By name alone, Badrul would stand between the group's people.
        assertThat(rows).containsExactly("Badrul bin Osman | ",
                "Siti Nur Aisyah binti Ahmad | Booked together: person 1 of 3",
                "Ahmad bin Ismail | Booked together: person 2 of 3",
                "Nur Iman binti Ahmad | Booked together: person 3 of 3");
    }
}
