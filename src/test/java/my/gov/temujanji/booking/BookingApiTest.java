package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.booking.internal.HoldSweeper;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.support.SlotPlaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BookingApiTest {

    static final String BRANCH = "KTN-KOTA-BHARU";
    static final String SERVICE = "BKP";
    static final LocalDate DAY = LocalDate.of(2026, 9, 17); // a Thursday

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HoldSweeper sweeper;
    @Autowired
    AppointmentManagement cancellations;
    @Autowired
    TransactionTemplate transactions;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
    }

    @Test
    void aBookedAppointmentCanBeReadWithItsReferenceAndDocumentNumber() {
        String myKad = Applicants.nextMyKad();
        Http.Response booked = book(UUID.randomUUID().toString(), slot(0), myKad);

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode appointment = booked.json();
        String reference = appointment.get("reference").asString();
        assertThat(reference).matches("[2-9A-HJ-NP-Z]{10}");
        assertThat(appointment.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(appointment.get("branch").asString()).isEqualTo(BRANCH);
        assertThat(appointment.get("service").asString()).isEqualTo(SERVICE);
        assertThat(appointment.get("date").asString()).isEqualTo(DAY.toString());
        assertThat(appointment.get("start").asString()).isEqualTo(slot(0).toString());
        assertThat(appointment.get("end").asString()).isEqualTo(slot(0).plusMinutes(15).toString());
        assertThat(jdbc.sql("SELECT document_number || ' ' || phone || ' ' || email FROM appointment WHERE reference = ?")
                .param(reference).query(String.class).single())
                .isEqualTo(myKad.replace("-", "") + " +60123456789 siti@example.my");

        Http.Response read = http.get("/api/v1/appointments/" + reference + "?documentNumber=" + myKad);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("reference").asString()).isEqualTo(reference);
        assertThat(http.get("/api/v1/appointments/" + reference.toLowerCase(Locale.ROOT) + "?documentNumber="
                + myKad.replace("-", "")).status()).isEqualTo(200);

        Http.Response wrongDocument = http.get("/api/v1/appointments/" + reference + "?documentNumber=900101145678");
        Http.Response wrongReference = http.get("/api/v1/appointments/ABCDEFGHJK?documentNumber=" + myKad);
        assertThat(wrongDocument.status()).isEqualTo(404);
        assertThat(wrongReference.status()).isEqualTo(404);
        assertThat(wrongDocument.json().get("code").asString()).isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(wrongDocument.body()).isEqualTo(wrongReference.body().replace("ABCDEFGHJK", reference));
    }

    @Test
    void theSameKeyAndBodyReturnTheSameAppointmentAndAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String myKad = Applicants.nextMyKad();

        Http.Response first = book(key, slot(1), myKad);
        Http.Response again = book(key, slot(1), myKad);
        Http.Response otherBody = book(key, slot(2), myKad);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("reference").asString()).isEqualTo(first.json().get("reference").asString());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE document_number = ?")
                .param(myKad.replace("-", "")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheSlotFilledStillFindsTheAppointmentItsKeyMade() {
        LocalTime start = slot(10);
        insertSlot(start, 1);
        String key = UUID.randomUUID().toString();
        String myKad = Applicants.nextMyKad();

        Http.Response first = book(key, start, myKad);
        Http.Response retry = book(key, start, myKad);
        Http.Response someoneElse = book(UUID.randomUUID().toString(), start, Applicants.nextMyKad());

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("reference").asString()).isEqualTo(first.json().get("reference").asString());
        assertThat(someoneElse.status()).isEqualTo(409);
        assertThat(someoneElse.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(taken(start)).isEqualTo(1);
    }

    @Test
    void aSecondActiveAppointmentForTheSameDocumentAndTypeIsRefusedWithoutNamingTheFirst() {
        String myKad = Applicants.nextMyKad();
        Http.Response first = book(UUID.randomUUID().toString(), slot(3), myKad);
        Http.Response second = book(UUID.randomUUID().toString(), slot(4), myKad.replace("-", ""), "en");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("ALREADY_BOOKED");
        // Its date, time and reference go to its owner's e-mail, not to whoever asked.
        assertThat(second.json().get("detail").asString()).isEqualTo("This document already has an active appointment "
                + "for this transaction type. Its details have been e-mailed to that appointment's address. Cancel "
                + "that appointment first if you want to change it.");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE kind = 'ALREADY_BOOKED' "
                + "AND appointment_reference = ?").param(first.json().get("reference").asString())
                .query(Integer.class).single()).isOne();
    }

    @Test
    void aHoldTakesAPlaceUntilItRunsOutAndTheSweeperGivesItBack() {
        LocalTime start = slot(5);
        insertSlot(start, 1);
        Http.Response hold = hold(start);
        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold.json().get("expiresAt").asString()).isEqualTo("2026-07-13T09:10:00+08:00");
        assertThat(placesLeft(start)).isZero();

        Http.Response second = hold(start);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("SLOT_FULL");

        clock.advance(Duration.ofMinutes(9));
        sweeper.sweep();
        assertThat(placesLeft(start)).isZero();

        clock.advance(Duration.ofMinutes(1));
        sweeper.sweep();
        assertThat(placesLeft(start)).isOne();
        assertThat(hold(start).status()).isEqualTo(201);
    }

    @Test
    void bookingFromAHoldKeepsThePlaceAndAnExpiredHoldOnlyLosesItIfSomeoneElseTookIt() {
        LocalTime kept = slot(6);
        insertSlot(kept, 1);
        String holdId = hold(kept).json().get("holdId").asString();
        Http.Response booked = bookFromHold(holdId, Applicants.nextMyKad());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(taken(kept)).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE id = ?::uuid").param(holdId).query(Long.class).single()).isZero();

        LocalTime stillFree = slot(7);
        insertSlot(stillFree, 1);
        String late = hold(stillFree).json().get("holdId").asString();
        clock.advance(Duration.ofMinutes(11));
        assertThat(bookFromHold(late, Applicants.nextMyKad()).status()).isEqualTo(201);
        assertThat(taken(stillFree)).isOne();

        LocalTime lost = slot(8);
        insertSlot(lost, 1);
        String tooLate = hold(lost).json().get("holdId").asString();
        clock.advance(Duration.ofMinutes(11));
        sweeper.sweep();
        assertThat(hold(lost).status()).isEqualTo(201);
        Http.Response refused = bookFromHold(tooLate, Applicants.nextMyKad());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(taken(lost)).isOne();

        Http.Response unknown = bookFromHold(UUID.randomUUID().toString(), Applicants.nextMyKad());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("HOLD_NOT_FOUND");
    }

    @Test
    void aHoldTheBranchReleasedStopsAtOnceEvenWithAPlaceFreeAgain() {
        LocalTime start = slot(9);
        insertSlot(start, 2);
        String holdId = hold(start).json().get("holdId").asString();
        // A branch change takes the hold's place back (as a capacity cut or a closure does): one place is free again.
        transactions.executeWithoutResult(status -> cancellations.free(
                jdbc.sql("SELECT slot_id FROM hold WHERE id = ?::uuid").param(holdId).query(Long.class).single(), 1,
                "pentadbir"));
        assertThat(taken(start)).isZero();

        Http.Response refused = bookFromHold(holdId, Applicants.nextMyKad());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(taken(start)).isZero();
    }

    @Test
    void slotsThatCannotBeBookedAreRefused() {
        Http.Response weekend = http.postJson("/api/v1/holds",
                Map.of("branch", BRANCH, "service", SERVICE, "date", "2026-09-18", "start", "09:00"));
        assertThat(weekend.status()).isEqualTo(422);
        assertThat(weekend.json().get("code").asString()).isEqualTo("NOT_BOOKABLE");

        Http.Response offTheGrid = http.postJson("/api/v1/holds",
                Map.of("branch", BRANCH, "service", SERVICE, "date", DAY.toString(), "start", "09:07"));
        assertThat(offTheGrid.status()).isEqualTo(422);

        Http.Response tooFar = book(UUID.randomUUID().toString(), LocalDate.of(2026, 12, 1), slot(0),
                Applicants.nextMyKad(), "ms");
        assertThat(tooFar.status()).isEqualTo(422);
        assertThat(tooFar.json().get("code").asString()).isEqualTo("NOT_BOOKABLE");

        Http.Response malformed = http.postJson("/api/v1/holds", "{\"branch\": \"" + BRANCH + "\", \"date\": \"2026-13-01\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("INVALID_REQUEST");

        Http.Response noKey = http.postJson("/api/v1/appointments", Map.of("holdId", UUID.randomUUID().toString()));
        assertThat(noKey.status()).isEqualTo(400);
        Http.Response both = http.postJson("/api/v1/appointments", Map.of("holdId", UUID.randomUUID().toString(),
                "branch", BRANCH, "applicant", Applicants.myKadApplicant(Applicants.nextMyKad())),
                "Idempotency-Key", "k");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("code").asString()).isEqualTo("INVALID_PLACE");
    }

    @Test
    void everyApplicantFieldErrorIsReportedInMalayAndInEnglish() {
        Map<String, Object> empty = new HashMap<>();
        for (String language : new String[] {"ms", "en"}) {
            Http.Response response = http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE,
                    "date", DAY.toString(), "start", slot(9).toString(), "applicant", empty),
                    "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", language);

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("code").asString()).isEqualTo("INVALID_APPLICANT");
            JsonNode errors = response.json().get("errors");
            assertThat(errors.findValuesAsString("field")).containsExactly("applicant.fullName",
                    "applicant.documentType", "applicant.documentNumber", "applicant.email", "applicant.phone");
            ResourceBundle bundle = ResourceBundle.getBundle("messages",
                    language.equals("en") ? Locale.ENGLISH : Locale.ROOT);
            errors.forEach(e -> assertThat(e.get("message").asString())
                    .isEqualTo(bundle.getString("applicant." + e.get("field").asString().substring(10) + "."
                            + e.get("code").asString())));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE start_time = ? AND day = ?").params(slot(9), DAY)
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyValidationMessageExistsInBothLanguagesAndTheyDiffer() {
        ResourceBundle malay = ResourceBundle.getBundle("messages", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ENGLISH);
        String[][] fieldCodes = {
                {"fullName", "REQUIRED"}, {"fullName", "TOO_LONG"}, {"fullName", "INVALID_CHARACTERS"},
                {"documentType", "REQUIRED"}, {"documentNumber", "REQUIRED"}, {"documentNumber", "MYKAD_FORMAT"},
                {"documentNumber", "MYKAD_BIRTH_DATE"}, {"documentNumber", "MYKAD_PLACE_OF_BIRTH"},
                {"documentNumber", "PASSPORT_FORMAT"}, {"nationality", "REQUIRED"}, {"nationality", "UNKNOWN"},
                {"email", "REQUIRED"}, {"email", "TOO_LONG"}, {"email", "INVALID"}, {"phone", "REQUIRED"},
                {"phone", "INVALID"}, {"phone", "NOT_MOBILE"}};
        for (String[] fc : fieldCodes) {
            String key = new ApplicantValidation.FieldError(fc[0], fc[1]).messageKey();
            assertThat(malay.getString(key)).as(key).isNotBlank();
            assertThat(english.getString(key)).as(key).isNotBlank().isNotEqualTo(malay.getString(key));
        }
        assertThat(malay.getString("applicant.documentNumber.MYKAD_BIRTH_DATE"))
                .isEqualTo("Enam digit pertama nombor MyKad mestilah tarikh lahir yang sah (TTBBHH)");
        assertThat(english.getString("applicant.phone.NOT_MOBILE"))
                .isEqualTo("Enter a mobile phone number, not a landline");
    }

    @Test
    void aLiveHoldCannotBeBookedOnceItsSlotHasStarted() {
        LocalDate day = DAY.plusDays(7);
        jdbc.sql("UPDATE offering SET lead_days = 0 WHERE branch_code = ? AND service_code = ?").params(BRANCH, SERVICE)
                .update();
        try {
            clock.set(day.atTime(8, 25));
            Http.Response held = http.postJson("/api/v1/holds",
                    Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(), "start", "08:30"));
            assertThat(held.status()).as(held.body()).isEqualTo(201);
            clock.set(day.atTime(8, 31)); // the hold runs until 08:35, the slot began at 08:30
            Http.Response refused = bookFromHold(held.json().get("holdId").asString(), Applicants.nextMyKad());
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo("NOT_BOOKABLE");
            assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE branch_code = ? AND day = ?").params(BRANCH, day)
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("UPDATE offering SET lead_days = NULL WHERE branch_code = ? AND service_code = ?")
                    .params(BRANCH, SERVICE).update();
        }
    }

    @Test
    void aHoldStopsWhenItsOfferingOrItsBranchIsSwitchedOff() {
        LocalDate day = DAY.plusDays(7);
        String offeringHold = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", SERVICE, "date",
                day.toString(), "start", "09:00")).json().get("holdId").asString();
        String branchHold = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", SERVICE, "date",
                day.toString(), "start", "09:15")).json().get("holdId").asString();
        try {
            jdbc.sql("UPDATE offering SET active = false WHERE branch_code = ? AND service_code = ?")
                    .params(BRANCH, SERVICE).update();
            Http.Response offeringOff = bookFromHold(offeringHold, Applicants.nextMyKad());
            assertThat(offeringOff.status()).as(offeringOff.body()).isEqualTo(404);
            assertThat(offeringOff.json().get("code").asString()).isEqualTo("UNKNOWN_SERVICE");
            jdbc.sql("UPDATE offering SET active = true WHERE branch_code = ? AND service_code = ?")
                    .params(BRANCH, SERVICE).update();
            jdbc.sql("UPDATE branch SET active = false WHERE code = ?").param(BRANCH).update();
            Http.Response branchOff = bookFromHold(branchHold, Applicants.nextMyKad());
            assertThat(branchOff.status()).as(branchOff.body()).isEqualTo(404);
            assertThat(branchOff.json().get("code").asString()).isEqualTo("UNKNOWN_BRANCH");
        } finally {
            jdbc.sql("UPDATE offering SET active = true WHERE branch_code = ? AND service_code = ?")
                    .params(BRANCH, SERVICE).update();
            jdbc.sql("UPDATE branch SET active = true WHERE code = ?").param(BRANCH).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE branch_code = ? AND day = ?").params(BRANCH, day)
                .query(Long.class).single()).isZero();
    }

    private Http.Response hold(LocalTime start) {
        return http.postJson("/api/v1/holds",
                Map.of("branch", BRANCH, "service", SERVICE, "date", DAY.toString(), "start", start.toString()));
    }

    private Http.Response bookFromHold(String holdId, String myKad) {
        return http.postJson("/api/v1/appointments", Map.of("holdId", holdId, "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private Http.Response book(String key, LocalTime start, String myKad) {
        return book(key, DAY, start, myKad, "ms");
    }

    private Http.Response book(String key, LocalTime start, String myKad, String language) {
        return book(key, DAY, start, myKad, language);
    }

    private Http.Response book(String key, LocalDate day, LocalTime start, String myKad, String language) {
        return http.postJson("/api/v1/appointments", Map.of("branch", BRANCH, "service", SERVICE, "date", day.toString(),
                "start", start.toString(), "applicant", Applicants.myKadApplicant(myKad)),
                "Idempotency-Key", key, "Accept-Language", language);
    }

    private LocalTime slot(int index) {
        return LocalTime.of(8, 0).plusMinutes(15L * index);
    }

    private int placesLeft(LocalTime start) {
        JsonNode slots = http.get("/api/v1/branches/" + BRANCH + "/services/" + SERVICE + "/slots?date=" + DAY).json();
        for (JsonNode slot : slots) {
            if (slot.get("start").asString().equals(start.toString())) {
                return slot.get("placesLeft").asInt();
            }
        }
        throw new AssertionError("no slot at " + start);
    }

    private int taken(LocalTime start) {
        return jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? AND start_time = ?")
                .params(BRANCH, SERVICE, DAY, start).query(Integer.class).single();
    }

    private void insertSlot(LocalTime start, int capacity) {
        jdbc.sql("""
                        INSERT INTO slot (branch_code, service_code, day, start_time, end_time, capacity)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(BRANCH, SERVICE, DAY, start, start.plusMinutes(15), capacity).update();
    }
}
