package my.gov.temujanji.administration;

import java.util.List;

/**
 * One question of an administration form, as {@code administration/form.html} draws it: a text input,
 * a select or a checkbox, with its label, hint and the value typed (kept when the form comes back with
 * errors). Texts are already in the page's language.
 */
record FormField(String name, String label, String hint, Kind kind, String value, List<Option> options) {

    enum Kind {
        TEXT, NUMBER, SELECT, CHECKBOX
    }

    record Option(String value, String label) {
    }

    public boolean is(String kind) {
        return this.kind.name().equals(kind);
    }

    public boolean checked() {
        return "true".equals(value);
    }
}
