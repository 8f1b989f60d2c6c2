package my.gov.temujanji.platform;

import java.util.List;

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
