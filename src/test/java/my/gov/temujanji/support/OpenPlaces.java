package my.gov.temujanji.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a test may book, as the availability API tells it. */
public final class OpenPlaces {

    private OpenPlaces() {
    }

    /** The OPEN days of an offering in September 2026 (the test clock's month ahead). */
    public static List<LocalDate> openDays(Http http, String branch, String service) {
        List<LocalDate> open = new ArrayList<>();
        for (JsonNode d : http.get("/api/v1/branches/" + branch + "/services/" + service
                + "/days?from=2026-09-01&to=2026-09-30").json()) {
            if ("OPEN".equals(d.get("status").asString())) {
                open.add(LocalDate.parse(d.get("date").asString()));
            }
        }
        return open;
    }

    /** The slots of a day, with their places left. */
    public static JsonNode slots(Http http, String branch, String service, LocalDate day) {
        return http.get("/api/v1/branches/" + branch + "/services/" + service + "/slots?date=" + day).json();
    }
}
