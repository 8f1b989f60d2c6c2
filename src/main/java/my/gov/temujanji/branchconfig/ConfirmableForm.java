package my.gov.temujanji.branchconfig;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A form whose change may cancel booked appointments: {@link ChangePreview} sends its answers again
 * with the references the administrator was shown ({@code confirmed}, empty the first time).
 */
public interface ConfirmableForm {

    /** The references the form confirmed, separated by spaces, as {@link ChangePreview#page} wrote them; or null. */
    String confirmed();

    /** Every answer by field name ("" for one not sent), to show the form again or send it again. */
    Map<String, String> answers();

    default Set<String> confirmedReferences() {
        return confirmed() == null ? Set.of() : Arrays.stream(confirmed().split("\\s+")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
    }

    /** Field names and their answers, taken in turn, as {@link #answers()}: sending "" is sending nothing. */
    static Map<String, String> answers(String... namesAndValues) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            answers.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return answers;
    }
}
