package my.gov.temujanji.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of group bookings (POST /api/v1/groups) for tests: an applicant, a spouse and children. */
public final class GroupRequests {

    /** The people added, in order; names without digits, as a name must be. */
    public static final List<String> NAMES = List.of("Ahmad bin Ismail", "Nur Iman binti Ahmad", "Adam bin Ahmad",
            "Hana binti Ahmad", "Yusuf bin Ahmad", "Aisyah binti Ahmad", "Umar bin Ahmad");

    private GroupRequests() {
    }

    /** The applicant with the first MyKad, then a spouse and children with the others. */
    public static Map<String, Object> body(String branch, String service, LocalDate day, LocalTime start,
            List<String> documents) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 1; i < documents.size(); i++) {
            members.add(member(NAMES.get(i - 1), documents.get(i), i == 1 ? "SPOUSE" : "CHILD"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", branch);
        body.put("service", service);
        body.put("date", day.toString());
        body.put("start", start.toString());
        body.put("applicant", Applicants.myKadApplicant(documents.get(0)));
        body.put("members", members);
        return body;
    }

    public static Map<String, Object> member(String name, String myKad, String relationship) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("fullName", name);
        member.put("documentType", "MYKAD");
        member.put("documentNumber", myKad);
        member.put("nationality", null);
        member.put("dateOfBirth", "19" + myKad.substring(0, 2) + "-01-01"); // Applicants' MyKads: born 1 January
        member.put("relationship", relationship);
        return member;
    }

    /** Distinct MyKad numbers no other test uses. */
    public static List<String> documents(int people) {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            documents.add(Applicants.nextMyKad());
        }
        return documents;
    }
}
