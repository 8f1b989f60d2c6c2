package my.gov.temujanji.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * The problems of a form as a page shows them (GOV.UK pattern): in the error summary
 * ({@code fragments :: errorSummary}), each linking to its field's id, and again next to the field
 * ({@code fragments :: fieldError}). Texts are already in the page's language. Shared by every
 * capability's forms.
 *
 * @param entries in the order of the form's fields
 */
public record FormErrors(List<Entry> entries) {

    /** One problem: {@code field} is the id of the input the summary links to. */
    public record Entry(String field, String text) {
    }

    public FormErrors {
        entries = List.copyOf(entries);
    }

    public static FormErrors none() {
        return new FormErrors(List.of());
    }

    /**
     * The binding and Bean Validation problems of a form record, in the reader's language, ordered as
     * {@code fieldOrder} lists the form's fields (the order the page shows them); one entry per field,
     * its first problem. A message is looked up by the constraint's codes ({@code NotBlank.form.name},
     * {@code NotBlank.name}, ... and the constraint's own {@code {key}} message), as Spring resolves them.
     */
    public static FormErrors of(BindingResult result, MessageSource messages, Locale locale, List<String> fieldOrder) {
        List<Entry> entries = new ArrayList<>();
        for (String field : fieldOrder) {
            var error = result.getFieldError(field);
            if (error != null) {
                entries.add(new Entry(field, messages.getMessage(error, locale)));
            }
        }
        result.getFieldErrors().stream()
                .filter(e -> !fieldOrder.contains(e.getField()))
                .filter(e -> entries.stream().noneMatch(x -> x.field().equals(e.getField())))
                .forEach(e -> entries.add(new Entry(e.getField(), messages.getMessage(e, locale))));
        return new FormErrors(entries);
    }

    public static FormErrors one(String field, String text) {
        return new FormErrors(List.of(new Entry(field, text)));
    }

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
