package my.gov.temujanji.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AvailabilityApiTest {

    static final String SELANGOR = "SGR-SHAH-ALAM";
    static final String KELANTAN = "KTN-KOTA-BHARU";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW); // Monday 2026-07-13 09:00
    }

    @AfterEach
    void freeTheSlots() {
        jdbc.sql("DELETE FROM slot WHERE branch_code = ? AND day = ?").params(SELANGOR, LocalDate.of(2026, 7, 22)).update();
    }

    @Test
    void aKelantanBranchIsClosedOnFridayAndSaturdayAndOpenOnSunday() {
        JsonNode days = days(KELANTAN, "BKP", "2026-07-17", "2026-07-19");

        assertThat(days.get(0).get("date").asString()).isEqualTo("2026-07-17");
        assertThat(days.get(0).get("status").asString()).isEqualTo("CLOSED");
        assertThat(days.get(0).get("reason").get("ms").asString()).isEqualTo("Hujung minggu");
        assertThat(days.get(0).get("reason").get("en").asString()).isEqualTo("Weekend");
        assertThat(days.get(0).get("placesLeft").asInt()).isZero();
        assertThat(days.get(1).get("status").asString()).isEqualTo("CLOSED");
        assertThat(days.get(2).get("status").asString()).isEqualTo("OPEN");
        assertThat(days.get(2).get("reason").isNull()).isTrue();
        assertThat(days.get(2).get("placesLeft").asInt()).isPositive();
    }

    @Test
    void aSelangorBranchOffersNoFridaySlotDuringThePrayerBreak() {
        List<LocalTime[]> slots = slots(SELANGOR, "VPP", "2026-07-17");

        assertThat(slots).isNotEmpty();
        assertThat(slots).noneMatch(s -> s[1].isAfter(LocalTime.of(12, 15)) && s[0].isBefore(LocalTime.of(14, 45)));
        assertThat(slots).anyMatch(s -> s[0].equals(LocalTime.of(14, 45)));
        assertThat(slots).allMatch(s -> !s[1].isAfter(LocalTime.of(17, 0)));
        // Monday to Thursday have the 13:00-14:00 lunch break instead.
        assertThat(slots(SELANGOR, "VPP", "2026-07-20"))
                .noneMatch(s -> s[1].isAfter(LocalTime.of(13, 0)) && s[0].isBefore(LocalTime.of(14, 0)))
                .anyMatch(s -> s[0].equals(LocalTime.of(14, 0)));
    }

    @Test
    void aFederalHolidayClosesEveryBranch() {
        JsonNode nationalDay = days(SELANGOR, "VPP", "2026-08-31", "2026-08-31").get(0);

        assertThat(nationalDay.get("status").asString()).isEqualTo("CLOSED");
        assertThat(nationalDay.get("reason").get("ms").asString()).containsIgnoringCase("Kebangsaan");
        assertThat(nationalDay.get("reason").get("en").asString()).containsIgnoringCase("National Day");
        assertThat(days(KELANTAN, "BKP", "2026-08-31", "2026-08-31").get(0).get("status").asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void aStateHolidayClosesOnlyThatStatesBranches() {
        clock.set(LocalDateTime.of(2026, 10, 1, 9, 0));
        // Friday 11 December 2026: birthday of the Sultan of Selangor, a working day in Putrajaya.
        JsonNode selangor = days(SELANGOR, "VPP", "2026-12-11", "2026-12-11").get(0);
        JsonNode putrajaya = days("HQ-PJY", "BKE", "2026-12-11", "2026-12-11").get(0);

        assertThat(selangor.get("status").asString()).isEqualTo("CLOSED");
        assertThat(selangor.get("reason").get("ms").asString()).containsIgnoringCase("Sultan Selangor");
        assertThat(putrajaya.get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void bookingOpensTheDayAfterTodayAndEndsThreeCalendarMonthsAhead() {
        JsonNode start = days(SELANGOR, "VPP", "2026-07-13", "2026-07-14");
        assertThat(start.get(0).get("status").asString()).isEqualTo("NOT_BOOKABLE");
        assertThat(start.get(0).get("reason").get("en").asString()).contains("at least 1 day");
        assertThat(start.get(1).get("status").asString()).isEqualTo("OPEN");

        JsonNode end = days(SELANGOR, "VPP", "2026-10-13", "2026-10-14");
        assertThat(end.get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(end.get(1).get("status").asString()).isEqualTo("NOT_BOOKABLE");
        assertThat(end.get(1).get("reason").get("ms").asString()).contains("3 bulan");

        assertThat(days(SELANGOR, "VPP", "2026-07-10", "2026-07-10").get(0).get("reason").get("en").asString())
                .isEqualTo("This date has passed");
    }

    @Test
    void theWindowMovesWithTheClockAtTheOpeningTimeNotAtMidnight() {
        clock.set(LocalDateTime.of(2026, 7, 13, 23, 59));
        assertThat(days(SELANGOR, "VPP", "2026-10-14", "2026-10-14").get(0).get("status").asString())
                .isEqualTo("NOT_BOOKABLE");
        clock.set(LocalDateTime.of(2026, 7, 14, 0, 0));
        assertThat(days(SELANGOR, "VPP", "2026-07-14", "2026-07-14").get(0).get("status").asString())
                .isEqualTo("NOT_BOOKABLE");
        JsonNode beforeEight = days(SELANGOR, "VPP", "2026-10-14", "2026-10-14").get(0);
        assertThat(beforeEight.get("status").asString()).isEqualTo("NOT_BOOKABLE");
        assertThat(beforeEight.get("reason").get("en").asString()).isEqualTo("Opens at 08:00 on 14 July 2026");
        clock.set(LocalDateTime.of(2026, 7, 14, 8, 0));
        assertThat(days(SELANGOR, "VPP", "2026-10-14", "2026-10-14").get(0).get("status").asString())
                .isEqualTo("OPEN");
    }

    @Test
    void takenPlacesReducePlacesLeftAndAFullDayIsFull() {
        String day = "2026-07-22";
        List<LocalTime[]> slots = slots(SELANGOR, "VPP", day);
        int capacity = capacity(SELANGOR, "VPP", day);
        int before = days(SELANGOR, "VPP", day, day).get(0).get("placesLeft").asInt();
        assertThat(before).isEqualTo(capacity * slots.size());

        insertSlot(day, slots.get(0), capacity, 1);
        assertThat(http.get(slotsPath(SELANGOR, "VPP", day)).json().get(0).get("placesLeft").asInt())
                .isEqualTo(capacity - 1);
        assertThat(days(SELANGOR, "VPP", day, day).get(0).get("placesLeft").asInt()).isEqualTo(before - 1);

        jdbc.sql("DELETE FROM slot WHERE branch_code = ? AND day = ?").params(SELANGOR, LocalDate.parse(day)).update();
        slots.forEach(s -> insertSlot(day, s, capacity, capacity));
        JsonNode full = days(SELANGOR, "VPP", day, day).get(0);
        assertThat(full.get("status").asString()).isEqualTo("FULL");
        assertThat(full.get("placesLeft").asInt()).isZero();
        assertThat(http.get(slotsPath(SELANGOR, "VPP", day)).json().get(0).get("placesLeft").asInt()).isZero();
    }

    @Test
    void aRangeEndingBeforeItStartsIsABadRequestInTheAskedLanguage() {
        Http.Response malay = http.get(daysPath(SELANGOR, "VPP", "2026-07-17", "2026-07-01"));
        assertThat(malay.status()).isEqualTo(400);
        assertThat(malay.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malay.json().get("code").asString()).isEqualTo("INVALID_RANGE");
        assertThat(malay.json().get("detail").asString())
                .isEqualTo("Tarikh akhir (2026-07-01) tidak boleh sebelum tarikh mula (2026-07-17).");

        Http.Response english = http.get(daysPath(SELANGOR, "VPP", "2026-07-17", "2026-07-01"), "Accept-Language", "en");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("The end date (2026-07-01) cannot be before the start date (2026-07-17).");
    }

    @Test
    void aRangeLongerThanOneHundredDaysOrAMalformedDateIsABadRequest() {
        Http.Response tooLong = http.get(daysPath(SELANGOR, "VPP", "2026-07-14", "2026-10-22"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asString()).isEqualTo("RANGE_TOO_LONG");
        assertThat(http.get(daysPath(SELANGOR, "VPP", "2026-07-14", "2026-10-21")).status()).isEqualTo(200);

        Http.Response malformed = http.get(daysPath(SELANGOR, "VPP", "2026-02-30", "2026-03-01"), "Accept-Language", "en");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(malformed.body()).doesNotContain("Exception");
        assertThat(http.get(slotsPath(SELANGOR, "VPP", "tomorrow")).status()).isEqualTo(400);
    }

    @Test
    void unknownBranchesAndServicesAreNotFound() {
        Http.Response branch = http.get(daysPath("NO-SUCH-BRANCH", "VPP", "2026-07-17", "2026-07-18"));
        assertThat(branch.status()).isEqualTo(404);
        assertThat(branch.json().get("code").asString()).isEqualTo("UNKNOWN_BRANCH");
        assertThat(branch.json().get("title").asString()).isEqualTo("Cawangan tidak dijumpai");

        Http.Response service = http.get(slotsPath(SELANGOR, "NOPE", "2026-07-17"), "Accept-Language", "en-GB,en;q=0.9");
        assertThat(service.status()).isEqualTo(404);
        assertThat(service.json().get("code").asString()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(service.json().get("detail").asString())
                .isEqualTo("Branch SGR-SHAH-ALAM does not offer a transaction type with code NOPE.");
    }

    @Test
    void aClosedDayHasNoSlots() {
        assertThat(http.get(slotsPath(KELANTAN, "BKP", "2026-07-17")).json().size()).isZero();
    }

    private JsonNode days(String branch, String service, String from, String to) {
        Http.Response response = http.get(daysPath(branch, service, from, to));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<LocalTime[]> slots(String branch, String service, String date) {
        Http.Response response = http.get(slotsPath(branch, service, date));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<LocalTime[]> slots = new ArrayList<>();
        response.json().forEach(s -> slots.add(new LocalTime[] {
                LocalTime.parse(s.get("start").asString()), LocalTime.parse(s.get("end").asString())}));
        return slots;
    }

    private int capacity(String branch, String service, String date) {
        return http.get(slotsPath(branch, service, date)).json().get(0).get("capacity").asInt();
    }

    private void insertSlot(String day, LocalTime[] slot, int capacity, int taken) {
        long slotId = jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, 'VPP', ?, ?, ?, ?) RETURNING id""")
                .params(SELANGOR, LocalDate.parse(day), slot[0], slot[1], capacity).query(Long.class).single();
        SlotPlaces.take(jdbc, slotId, taken);
    }

    private static String daysPath(String branch, String service, String from, String to) {
        return "/api/v1/branches/" + branch + "/services/" + service + "/days?from=" + from + "&to=" + to;
    }

    private static String slotsPath(String branch, String service, String date) {
        return "/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + date;
    }
}
