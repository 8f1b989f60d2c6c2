package my.gov.temujanji.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.notification.Outboxes;
import my.gov.temujanji.support.SlotPlaces;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.Mails;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.SmtpServer;
import my.gov.temujanji.support.TestClockConfiguration;
import my.gov.temujanji.waitlist.internal.OfferSweeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist through the API, with real SMTP (GreenMail): a place given back goes to the first
 * matching applicant and never to the public, an unanswered offer moves on at its deadline, and with
 * no one left the place returns to the public after the release delay. Uses PRK-UTC-IPOH (BKP, three
 * places a slot; no other test does), in August 2026.
 */
@IntegrationTest
class WaitlistTest {

    static final String BRANCH = "PRK-UTC-IPOH";
    static final String SERVICE = "BKP";
    static final SmtpServer smtp = SmtpServer.started();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    OfferSweeper sweeper;

    Http http;
    WaitlistFixture fixture;

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
        http = new Http(port);
        fixture = new WaitlistFixture(jdbc, BRANCH, SERVICE);
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        Outboxes.sendDue(context); // what earlier tests left
        smtp.reset();
    }

    @Test
    void aCancellationIsOfferedToTheFirstMatchingApplicantAndNeverShownToThePublic() throws Exception {
        LocalDate day = LocalDate.of(2026, 8, 4);
        LocalTime nine = LocalTime.of(9, 0);
        List<String[]> booked = List.of(fixture.book(http, day, nine), fixture.book(http, day, nine),
                fixture.book(http, day, nine));
        assertThat(fixture.placesLeft(http, day, nine)).isZero();
        String afternoonOnly = fixture.joined(http, day, day, "AFTERNOON", Applicants.nextMyKad(), "petang@example.my");
        String firstKad = Applicants.nextMyKad();
        String first = fixture.joined(http, day.minusDays(1), day.plusDays(3), "ANY", firstKad, "first@example.my",
                "Accept-Language", "en");
        String morning = fixture.joined(http, day, day, "MORNING", Applicants.nextMyKad(), "pagi@example.my");
        assertThat(WaitlistFixture.entry(http, first).get("position").asLong()
                - WaitlistFixture.entry(http, afternoonOnly).get("position").asLong()).isEqualTo(1);
        Outboxes.sendDue(context);
        smtp.reset();

        assertThat(WaitlistFixture.cancel(http, booked.get(0)).status()).isEqualTo(200);

        JsonNode offered = WaitlistFixture.entry(http, first);
        assertThat(offered.get("state").asString()).isEqualTo("OFFERED");
        JsonNode offer = offered.get("offer");
        assertThat(offer.get("date").asString()).isEqualTo("2026-08-04");
        assertThat(offer.get("start").asString()).isEqualTo("09:00");
        assertThat(offer.get("deadline").asString()).isEqualTo("2026-07-13T11:00:00+08:00");
        assertThat(WaitlistFixture.entry(http, afternoonOnly).get("state").asString()).isEqualTo("WAITING");
        assertThat(WaitlistFixture.entry(http, morning).get("state").asString()).isEqualTo("WAITING");
        // The public never sees the place: not now, and not once the release delay is over.
        assertThat(fixture.placesLeft(http, day, nine)).isZero();
        clock.advance(Duration.ofMinutes(16));
        assertThat(fixture.placesLeft(http, day, nine)).isZero();
        Http.Response hold = http.postJson("/api/v1/holds", Map.of("branch", BRANCH, "service", SERVICE,
                "date", day.toString(), "start", "09:00"));
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.json().get("code").asString()).isEqualTo("SLOT_FULL");

        // One e-mail to them (beside the cancellation's own), in the language they joined in, with the link.
        Outboxes.sendDue(context);
        List<MimeMessage> offers = offersTo("first@example.my");
        assertThat(offers).hasSize(1);
        assertThat(offers.get(0).getSubject()).isEqualTo("A place for you from the waitlist: Security and Passport Division");
        String offerId = offer.get("offerId").asString();
        assertThat(Mails.text(offers.get(0))).contains("Tuesday, 4 August 2026", "09:00–09:15",
                "Monday, 13 July 2026, 11:00", "http://localhost:8080/waitlist/offers/" + offerId + "?lang=en");
        Outboxes.sendDue(context);
        assertThat(offersTo("first@example.my")).as("sent once").hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM outbox_message WHERE waitlist_subject = ?::uuid").param(offerId)
                .query(String.class).list()).containsExactly("SENT");

        Http.Response accepted = http.postJson("/api/v1/waitlist/offers/" + offerId + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String holdId = accepted.json().get("holdId").asString();
        assertThat(http.postJson("/api/v1/waitlist/offers/" + offerId + "/accept", "").json().get("holdId").asString())
                .as("taking it again leads to the same hold").isEqualTo(holdId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holdId", holdId);
        body.put("applicant", Applicants.myKadApplicant(firstKad));
        Http.Response appointment = http.postJson("/api/v1/appointments", body, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(appointment.status()).as(appointment.body()).isEqualTo(201);
        assertThat(appointment.json().get("date").asString()).isEqualTo("2026-08-04");
        assertThat(appointment.json().get("start").asString()).isEqualTo("09:00");
        assertThat(WaitlistFixture.entry(http, first).get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(fixture.placesLeft(http, day, nine)).isZero();
        assertThat(jdbc.sql("SELECT " + SlotPlaces.taken("slot") + " FROM slot WHERE branch_code = ? AND service_code = ? AND day = ? "
                + "AND start_time = ?").params(BRANCH, SERVICE, day, nine).query(Integer.class).single()).isEqualTo(3);
        assertThat(audit(offerId)).containsExactly("WAITLIST_OFFERED", "WAITLIST_OFFER_ACCEPTED");
    }

    @Test
    void anUnansweredOfferMovesOnAtItsDeadlineAndWithNoOneLeftThePlaceReturnsAfterTheReleaseDelay() {
        LocalDate day = LocalDate.of(2026, 8, 5);
        LocalTime ten = LocalTime.of(10, 0);
        List<String[]> booked = List.of(fixture.book(http, day, ten), fixture.book(http, day, ten),
                fixture.book(http, day, ten));
        String first = fixture.joined(http, day, day, "ANY", Applicants.nextMyKad(), "satu@example.my");
        String second = fixture.joined(http, day.minusDays(2), day, "MORNING", Applicants.nextMyKad(), "dua@example.my");
        assertThat(WaitlistFixture.cancel(http, booked.get(1)).status()).isEqualTo(200);
        String firstOffer = WaitlistFixture.entry(http, first).get("offer").get("offerId").asString();

        clock.advance(Duration.ofMinutes(119));
        sweeper.sweep();
        assertThat(WaitlistFixture.entry(http, first).get("state").asString()).isEqualTo("OFFERED");
        clock.advance(Duration.ofMinutes(1));
        sweeper.sweep();

        assertThat(WaitlistFixture.entry(http, first).get("state").asString()).isEqualTo("ENDED");
        JsonNode next = WaitlistFixture.entry(http, second);
        assertThat(next.get("state").asString()).isEqualTo("OFFERED");
        assertThat(next.get("offer").get("deadline").asString()).isEqualTo("2026-07-13T13:00:00+08:00");
        Http.Response late = http.postJson("/api/v1/waitlist/offers/" + firstOffer + "/accept", "",
                "Accept-Language", "en");
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("code").asString()).isEqualTo("WAITLIST_OFFER_EXPIRED");
        assertThat(late.json().get("detail").asString())
                .isEqualTo("The time to take this place is over and the place has gone to the next applicant.");
        assertThat(fixture.placesLeft(http, day, ten)).isZero();

        clock.advance(Duration.ofHours(2));
        sweeper.sweep();
        assertThat(WaitlistFixture.entry(http, second).get("state").asString()).isEqualTo("ENDED");
        // No one is left: the place goes back to the public, after the release delay.
        assertThat(fixture.placesLeft(http, day, ten)).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(fixture.placesLeft(http, day, ten)).isEqualTo(1);
        String place = jdbc.sql("SELECT p.id::text FROM waitlist_place p JOIN waitlist_offer o ON o.place_id = p.id "
                + "WHERE o.id = ?::uuid").param(firstOffer).query(String.class).single();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = 'waitlist' AND subject_id = ?")
                .param(place).query(String.class).list()).containsExactly("WAITLIST_PLACE_RETURNED");
        assertThat(audit(firstOffer)).containsExactly("WAITLIST_OFFERED", "WAITLIST_OFFER_LAPSED");
    }

    @Test
    void oneEntryPerDocumentAndTypeWithItsCodeAndLeavingPassesAnOfferedPlaceOn() {
        LocalDate day = LocalDate.of(2026, 8, 6);
        LocalTime eleven = LocalTime.of(11, 0);
        String myKad = Applicants.nextMyKad();
        Http.Response joined = fixture.join(http, day, day, "ANY", myKad, "tiga@example.my");
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.json().get("state").asString()).isEqualTo("UNCONFIRMED");
        assertThat(joined.json().get("codeExpiresAt").asString()).isEqualTo("2026-07-13T09:10:00+08:00");
        String entry = joined.json().get("entryId").asString();
        Http.Response again = fixture.join(http, day, day.plusDays(1), "ANY", myKad, "lain@example.my");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("WAITLIST_ALREADY_JOINED");
        String code = fixture.code(entry);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Http.Response refused = http.postJson("/api/v1/waitlist/" + entry + "/confirm", Map.of("code", wrong),
                "Accept-Language", "en");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("The confirmation code is not right. You can try 4 more times.");
        assertThat(http.postJson("/api/v1/waitlist/" + entry + "/confirm", Map.of("code", code)).json()
                .get("state").asString()).isEqualTo("WAITING");
        Http.Response twice = http.postJson("/api/v1/waitlist/" + entry + "/confirm", Map.of("code", code));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("WAITLIST_ALREADY_CONFIRMED");
        Http.Response past = fixture.join(http, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 13), "ANY",
                Applicants.nextMyKad(), "lalu@example.my");
        assertThat(past.json().get("code").asString()).isEqualTo("WAITLIST_RANGE_PAST");
        Http.Response badMyKad = fixture.join(http, day, day, "ANY", "12345", "x@example.my");
        assertThat(badMyKad.status()).isEqualTo(422);
        assertThat(badMyKad.json().get("code").asString()).isEqualTo("INVALID_APPLICANT");

        String next = fixture.joined(http, day, day, "ANY", Applicants.nextMyKad(), "empat@example.my");
        List<String[]> booked = List.of(fixture.book(http, day, eleven), fixture.book(http, day, eleven),
                fixture.book(http, day, eleven));
        assertThat(WaitlistFixture.cancel(http, booked.get(2)).status()).isEqualTo(200);
        assertThat(WaitlistFixture.entry(http, entry).get("state").asString()).isEqualTo("OFFERED");

        Http.Response left = http.postJson("/api/v1/waitlist/" + entry + "/leave", "");
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("state").asString()).isEqualTo("LEFT");
        assertThat(left.json().get("offer").isNull()).isTrue();
        assertThat(WaitlistFixture.entry(http, next).get("state").asString()).isEqualTo("OFFERED");
        assertThat(http.postJson("/api/v1/waitlist/" + entry + "/leave", "").json().get("code").asString())
                .isEqualTo("WAITLIST_ENTRY_CLOSED");
        assertThat(fixture.placesLeft(http, day, eleven)).isZero();
        // Left, the document may join again.
        assertThat(fixture.join(http, day, day, "ANY", myKad, "tiga@example.my").status()).isEqualTo(201);
    }

    private static List<MimeMessage> offersTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private List<String> audit(String offerId) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE actor = 'waitlist' AND subject_id = ? ORDER BY id")
                .param(offerId).query(String.class).list();
    }
}
