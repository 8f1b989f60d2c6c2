package my.gov.temujanji.booking;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The problems of a form as a page shows them: in the error summary, each linking to its field's id,
 * and again next to the field. Texts are already in the page's language.
 *
 * @param entries in the order of the form's fields
 */
record FormErrors(List<Entry> entries) {

    /** One problem: {@code field} is the id of the input the summary links to. */
    record Entry(String field, String text) {
    }

    static FormErrors none() {
        return new FormErrors(List.of());
    }

    static FormErrors one(String field, String text) {
        return new FormErrors(List.of(new Entry(field, text)));
    }

    static FormErrors of(List<ApplicantValidation.FieldError> errors, MessageSource messages, Locale locale) {
        return new FormErrors(errors.stream()
                .map(e -> new Entry(e.field(), messages.getMessage(e.messageKey(), null, locale)))
                .toList());
    }

    // Public, as the templates call these.
    public boolean any() {
        return !entries.isEmpty();
    }

    public boolean has(String field) {
        return messageFor(field) != null;
    }

    /** The first problem of a field, or null. */
    public String messageFor(String field) {
        return entries.stream().filter(e -> e.field().equals(field)).map(Entry::text).findFirst().orElse(null);
    }
}
