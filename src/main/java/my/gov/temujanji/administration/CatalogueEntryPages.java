package my.gov.temujanji.administration;

import static my.gov.temujanji.administration.AdminForms.FORM;
import static my.gov.temujanji.administration.AdminForms.PATH;
import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.List;
import java.util.Locale;
import jakarta.validation.groups.Default;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.administration.AdminForms.New;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages every kind of catalogue entry has, under its controller's address: {@code /new} and
 * {@code /{code}} show the form (404 for an unknown code); a POST to the address creates, to
 * {@code /{code}} changes. A form with mistakes comes back with them and what was typed; a code
 * already taken comes back with that.
 *
 * @param <F> the entry's form record
 */
@RequiredArgsConstructor
abstract class CatalogueEntryPages<F> {

    /**
     * @param kind names the titles ({@code admin.<kind>.new}, {@code .edit})
     * @param address follows PATH
     * @param blank the form of a new entry
     * @param fields the form's fields in the order the page shows them
     */
    record EntryKind<F>(String kind, String address, F blank, List<String> fields) {
    }

    final AdminForms forms;
    /** Saves every kind of entry, each change with its audit entry. */
    final CatalogueAdministration administration;
    private final EntryKind<F> kind;

    /** The form filled from the entry with this code; 404 when there is none. */
    abstract F existing(String code);

    /** Saves a valid form, {@code code} null to create: false when the code is taken. */
    abstract boolean save(String code, F form);

    /** Where a saved form goes next. */
    String savedUrl(String code, F form) {
        return PATH + "?saved";
    }

    /** The form's questions filled with what it holds, and anything else its page shows. */
    abstract List<FormField> questions(String code, F form, Model model, Locale locale);

    @GetMapping("/new")
    String newEntry(Model model, Locale locale) {
        return page(null, kind.blank(), FormErrors.none(), model, locale);
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model, Locale locale) {
        return page(code, existing(code), FormErrors.none(), model, locale);
    }

    @PostMapping
    Object create(@Validated({Default.class, New.class}) @ModelAttribute(FORM) F form, BindingResult result,
            Model model, Locale locale) {
        return saved(null, form, result, model, locale);
    }

    @PostMapping("/{code}")
    Object update(@PathVariable String code, @Validated @ModelAttribute(FORM) F form, BindingResult result,
            Model model, Locale locale) {
        existing(code);
        return saved(code, form, result, model, locale);
    }

    private Object saved(String code, F form, BindingResult result, Model model, Locale locale) {
        if (result.hasErrors()) {
            return page(code, form, forms.errors(result, locale, kind.fields()), model, locale);
        }
        if (!save(code, form)) {
            return page(code, form, forms.codeTaken(locale), model, locale);
        }
        return seeOther(savedUrl(code, form));
    }

    private String page(String code, F form, FormErrors errors, Model model, Locale locale) {
        return forms.page("admin." + kind.kind() + (code == null ? ".new" : ".edit"), code,
                PATH + "/" + kind.address() + (code == null ? "" : "/" + code), questions(code, form, model, locale),
                errors, model, locale);
    }
}
