package my.gov.temujanji.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;

/** Appointments booked through the public API, as applicants make them, for the counter's tests. */
final class CounterBookings {

    /** A booked appointment and the MyKad number it was booked with (with dashes, as typed). */
    record Booked(String reference, String myKad, String start) {
    }

    private CounterBookings() {
    }

    /** Books the {@code slot}-th slot of the day; the clock must be at least a day before {@code date}. */
    static Booked book(Http http, String branch, String service, LocalDate date, int slot, String fullName,
            String email, String language) {
        String start = http.get("/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + date).json()
                .get(slot).get("start").asString();
        String myKad = Applicants.nextMyKad();
        Map<String, Object> applicant = new HashMap<>(Applicants.myKadApplicant(myKad));
        applicant.put("fullName", fullName);
        applicant.put("email", email);
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", branch, "service", service,
                "date", date.toString(), "start", start, "applicant", applicant),
                "Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", language);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return new Booked(booked.json().get("reference").asString(), myKad, start);
    }
}
