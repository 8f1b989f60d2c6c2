package my.gov.temujanji.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.IntegrationTest;
import my.gov.temujanji.support.MutableClock;
import my.gov.temujanji.support.Rush;
import my.gov.temujanji.support.TestClockConfiguration;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OK to book pressed twice, the same form sent again with the proof of work it carried (a page
 * without JavaScript, or a browser resending): the second press shows the booking the first made, here
 * waiting for its e-mailed code, whether it comes after the first or at the same moment.
 */
@IntegrationTest
@TestPropertySource(properties = {"temujanji.challenge.enabled=true", "temujanji.booking.email-confirmation=true"})
class SubmitTwiceTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondPressOfTheSameConfirmationFormShowsTheBookingTheFirstMade() {
        Http http = new Http(port);
        String confirm = confirmPage(http, "11:00", "880412-10-5420");
        Map<String, String> form = Map.of("altcha", solution(http));

        Http.Response first = http.postForm(confirm, form);
        Http.Response second = http.postForm(confirm, form);

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.header("Location")).contains("/book/appointments/").doesNotContain("/slip/");
        assertThat(second.status()).as(second.body()).isEqualTo(303);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(booked("880412105420")).isOne();
    }

    @Test
    void pressesOfTheSameFormAtTheSameMomentAllShowTheOneBooking() throws Exception {
        Http http = new Http(port);
        String confirm = confirmPage(http, "11:30", "880412-10-5438");
        Map<String, String> form = Map.of("altcha", solution(http));

        List<Http.Response> presses = Rush.fire(4, i -> http.postForm(confirm, form));

        assertThat(presses).extracting(Http.Response::status).containsOnly(303);
        assertThat(presses).extracting(r -> r.header("Location")).containsOnly(presses.get(0).header("Location"));
        assertThat(booked("880412105438")).isOne();
    }

    /** A hold of HQ-PJY's BKE slot on 12 August 2026 with its details given: its OK page. */
    private String confirmPage(Http http, String start, String myKad) {
        clock.set(TestClockConfiguration.DEFAULT_NOW);
        Http.Response held = http.postForm("/book/holds", Map.of("branch", "HQ-PJY", "service", "BKE",
                "date", "2026-08-12", "start", start, "altcha", solution(http)));
        assertThat(held.status()).as(held.body()).isEqualTo(303);
        String details = held.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(http.postForm(details, Map.of("fullName", "Nur Hidayah binti Kassim", "documentType", "MYKAD",
                "documentNumber", myKad, "nationality", "", "email", "dua-kali@contoh.my", "phone", "012-345 6789"))
                .status()).isEqualTo(303);
        return details.replace("/details", "/confirm");
    }

    private int booked(String myKad) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE document_number = ?").param(myKad).query(Integer.class)
                .single();
    }

    /** A challenge from the API, solved as the widget does. */
    private static String solution(Http http) {
        JsonNode challenge = http.get("/api/v1/challenge").json();
        try {
            Altcha.Solution solved = Altcha.solveChallenge(challenge.get("challenge").asString(),
                    challenge.get("salt").asString(), Altcha.Algorithm.SHA256, challenge.get("maxnumber").asLong(), 0);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("algorithm", challenge.get("algorithm").asString());
            payload.put("challenge", challenge.get("challenge").asString());
            payload.put("number", solved.number);
            payload.put("salt", challenge.get("salt").asString());
            payload.put("signature", challenge.get("signature").asString());
            return Base64.getEncoder().encodeToString(Http.JSON.writeValueAsBytes(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
