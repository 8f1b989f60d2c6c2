package my.gov.temujanji.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import my.gov.temujanji.support.Applicants;
import my.gov.temujanji.support.Http;
import my.gov.temujanji.support.StaffFixture;

/** A branch's queue as its staff set it up and use it, over HTTP, for the queue's tests. */
final class QueueFixture {

    private static final Pattern TOKEN = Pattern.compile("data-device-token>([A-Za-z0-9_-]+)<");

    private QueueFixture() {
    }

    /** Saves the branch's rules and one desk per entry ({@code number -> service codes}) as its BRANCH_ADMIN does. */
    static void configure(Http admin, String branch, int windowMinutes, int absentAfter, Map<Integer, List<String>> desks,
            Map<String, Integer> walkInCaps) {
        String settings = "/staff/queue/" + branch + "/settings";
        admin.get(settings);
        assertThat(admin.postForm(settings + "/rules", Map.of("appointmentWindowMinutes", Integer.toString(windowMinutes),
                "absentAfterCalls", Integer.toString(absentAfter))).status()).isEqualTo(303);
        desks.forEach((number, services) -> {
            StringBuilder body = new StringBuilder();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("number", Integer.toString(number));
            // A form with a repeated field: sent by hand, as Http's map holds one value per name.
            services.forEach(s -> body.append("&services=").append(s));
            Http.Response saved = admin.postForm(settings + "/counters?" + body.substring(1), form);
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        });
        walkInCaps.forEach((service, cap) -> assertThat(admin.postForm(settings + "/walk-ins",
                Map.of("service", service, "dailyCap", Integer.toString(cap))).status()).isEqualTo(303));
    }

    /** Signs the officer in to the desk through the page and returns the device token it shows once. */
    static String signIn(Http officer, String branch, int counter) {
        officer.get("/staff/queue/" + branch);
        Http.Response page = officer.postForm("/staff/queue/" + branch + "/counters/" + counter + "/sign-in", Map.of());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** A browser at the kiosk, unlocked by the staff member (who is signed out by it). */
    static Http unlockedKiosk(int port, StaffFixture.Account staff, String branch) {
        Http kiosk = new Http(port).loginAs(staff);
        kiosk.get("/staff/queue/" + branch);
        Http.Response unlocked = kiosk.postForm("/staff/queue/" + branch + "/kiosk", Map.of());
        assertThat(unlocked.status()).isEqualTo(303);
        assertThat(unlocked.header("Location")).endsWith("/kiosk/" + branch);
        assertThat(kiosk.hasCookie("temujanji_kiosk")).isTrue();
        return kiosk;
    }

    /** A walk-in's number from the kiosk: the token of its ticket page, or null when refused. */
    static Http.Response walkIn(Http kiosk, String branch, String service, String priority) {
        Map<String, String> form = new HashMap<>(Map.of("service", service));
        if (priority != null) {
            form.put("priority", priority);
        }
        return kiosk.postForm("/kiosk/" + branch + "/tickets", form);
    }

    /** The ticket page's token in a kiosk answer's Location. */
    static String ticketToken(Http.Response issued) {
        assertThat(issued.status()).as(issued.body()).isEqualTo(303);
        String location = issued.header("Location");
        return location.substring(location.indexOf("/ticket/") + 8, location.indexOf('?'));
    }

    static Http.Response callNext(Http api, String deviceToken) {
        return api.postJson("/api/v1/queue/counter/call-next", "", "Authorization", "Bearer " + deviceToken);
    }

    static Http.Response served(Http api, String deviceToken, String id) {
        return api.postJson("/api/v1/queue/counter/tickets/" + id + "/served", "", "Authorization",
                "Bearer " + deviceToken);
    }

    /** Books the slot starting at {@code start} ("10:00") with this MyKad; returns the reference. */
    static String book(Http http, String branch, String service, LocalDate date, String start, String myKad) {
        Map<String, Object> applicant = new HashMap<>(Applicants.myKadApplicant(myKad));
        Http.Response booked = http.postJson("/api/v1/appointments", Map.of("branch", branch, "service", service,
                "date", date.toString(), "start", start, "applicant", applicant),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("reference").asString();
    }

    static void checkIn(Http officer, String branch, String reference) {
        officer.get("/staff/counter/" + branch);
        Http.Response checkedIn = officer.postForm("/staff/counter/" + branch + "/appointments/" + reference
                + "/check-in", Map.of());
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(303);
        assertThat(checkedIn.header("Location")).contains("done=checkedIn");
    }
}
