package my.gov.temujanji.administration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.administration.FormField.Kind;
import my.gov.temujanji.administration.FormField.Option;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What the catalogue's four forms share: their questions ({@link FormField}) in the page's language,
 * the page {@code administration/form.html} that draws them, and their errors.
 */
@Component
@RequiredArgsConstructor
class AdminForms {

    static final String PATH = "/staff/admin/catalogue";
    /**
     * The model attribute every form record is bound as: its fields' labels are then the bundle's
     * {@code admin.<field>} keys, which the {@code {0}} of {@code admin.error.number} names.
     */
    static final String FORM = "admin";

    private final MessageSource messages;
    private final Catalogue catalogue;

    /** Marks the checks of a code, which is typed only when something is created. */
    interface New {
    }

    Catalogue catalogue() {
        return catalogue;
    }

    String page(String titleKey, String code, String action, List<FormField> fields, FormErrors errors, Model model,
            Locale locale) {
        model.addAttribute("title", text(titleKey, locale, code));
        model.addAttribute("action", action);
        model.addAttribute("fields", fields);
        model.addAttribute("formErrors", errors);
        model.addAttribute("pageUrl", action.endsWith("/departments") || action.endsWith("/branches")
                || action.endsWith("/types") ? action + "/new" : action);
        if (!model.containsAttribute("backUrl")) {
            model.addAttribute("backUrl", PATH);
        }
        return "administration/form";
    }

    FormErrors errors(BindingResult result, Locale locale, List<String> fieldOrder) {
        return FormErrors.of(result, messages, locale, fieldOrder);
    }

    FormErrors codeTaken(Locale locale) {
        return FormErrors.one("code", text("admin.error.codeTaken", locale));
    }

    /** A list of questions that starts with the code's when the entry is new ({@code code} null): it is typed only then. */
    List<FormField> startingWithCode(String code, String hintKey, String typed, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(text("code", "admin.code", hintKey, typed, locale));
        }
        return fields;
    }

    /** The entry's name in both languages. */
    List<FormField> names(String nameMs, String nameEn, Locale locale) {
        return List.of(text("nameMs", "admin.nameMs", null, nameMs, locale),
                text("nameEn", "admin.nameEn", null, nameEn, locale));
    }

    FormField text(String name, String labelKey, String hintKey, String value, Locale locale) {
        return new FormField(name, text(labelKey, locale), hintKey == null ? null : text(hintKey, locale), Kind.TEXT,
                shown(value), List.of());
    }

    FormField number(String name, String value, Locale locale) {
        return new FormField(name, text("admin." + name, locale), text("admin." + name + ".hint", locale), Kind.NUMBER,
                shown(value), List.of());
    }

    FormField select(String name, String labelKey, String hintKey, String value, List<Option> options, Locale locale) {
        return new FormField(name, text(labelKey, locale), hintKey == null ? null : text(hintKey, locale), Kind.SELECT,
                shown(value), options);
    }

    FormField checkbox(String name, String labelKey, String value, Locale locale) {
        return new FormField(name, text(labelKey, locale), text(labelKey + ".hint", locale), Kind.CHECKBOX,
                value == null ? "false" : value, List.of());
    }

    List<Option> states(Locale locale) {
        return catalogue.states().stream().map(s -> new Option(s.code(), s.name().in(locale))).toList();
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    static <T> T find(List<T> all, Function<T, String> code, String wanted) {
        return all.stream().filter(x -> code.apply(x).equals(wanted)).findFirst().orElseThrow(AdminForms::notFound);
    }

    static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    private static String shown(String value) {
        return value == null ? "" : value;
    }
}
