package my.gov.temujanji.administration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import my.gov.temujanji.administration.FormField.Kind;
import my.gov.temujanji.administration.FormField.Option;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.branchconfig.BranchChanges;
import my.gov.temujanji.branchconfig.ChangePreview;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.CatalogueChanges.OfferingSettings;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffLink;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /staff/admin/catalogue}: departments, branches, transaction types and offerings, created and
 * edited by a system administrator (the URL rule of {@code /staff/admin/**}). Every form is checked on
 * the server and comes back with an error summary, each field's message and what was typed. Codes are
 * chosen once; branches and offerings are switched off, never deleted.
 */
@Controller
class CatalogueAdminPages {

    static final String PATH = "/staff/admin/catalogue";
    private static final String CODE = "^[A-Z0-9-]{2,40}$";
    private static final String TYPE_CODE = "^[A-Z]{2,10}$";
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 500;

    private final Catalogue catalogue;
    private final CatalogueAdministration administration;
    private final MessageSource messages;
    private final BookingProperties booking;
    private final BranchChanges changes;
    private final ChangePreview preview;
    private final CurrentStaff current;

    CatalogueAdminPages(Catalogue catalogue, CatalogueAdministration administration, MessageSource messages,
            BookingProperties booking, BranchChanges changes, ChangePreview preview, CurrentStaff current) {
        this.changes = changes;
        this.preview = preview;
        this.current = current;
        this.catalogue = catalogue;
        this.administration = administration;
        this.messages = messages;
        this.booking = booking;
    }

    @Bean
    static StaffLink catalogueLink() {
        return new StaffLink(PATH, "admin.nav", "admin.nav.hint", Role.SYSTEM_ADMIN, 85);
    }

    @GetMapping(PATH)
    String overview(Model model) {
        model.addAttribute("departments", catalogue.allDepartments());
        model.addAttribute("branches", catalogue.allBranches());
        model.addAttribute("types", catalogue.transactionTypes());
        return "administration/catalogue";
    }

    // ---------------------------------------------------------------- departments

    @GetMapping(PATH + "/departments/new")
    String newDepartment(Model model, Locale locale) {
        return departmentForm(null, Map.of(), FormErrors.none(), model, locale);
    }

    @GetMapping(PATH + "/departments/{code}")
    String editDepartment(@PathVariable String code, Model model, Locale locale) {
        Department d = find(catalogue.allDepartments(), Department::code, code);
        return departmentForm(code, Map.of("nameMs", d.name().ms(), "nameEn", d.name().en(), "state", d.stateCode()),
                FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/departments")
    Object createDepartment(@RequestParam Map<String, String> form, Model model, Locale locale) {
        return saveDepartment(null, form, model, locale);
    }

    @PostMapping(PATH + "/departments/{code}")
    Object updateDepartment(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
            Locale locale) {
        find(catalogue.allDepartments(), Department::code, code);
        return saveDepartment(code, form, model, locale);
    }

    private Object saveDepartment(String existing, Map<String, String> form, Model model, Locale locale) {
        Checker check = new Checker(form, locale);
        String code = existing != null ? existing : check.code("code", CODE);
        LocalizedText name = check.names();
        String state = check.choice("state", catalogue.states().stream().map(s -> s.code()).toList());
        if (check.failed()) {
            return departmentForm(existing, form, check.errors(), model, locale);
        }
        Department d = new Department(code, name, state);
        if (existing == null ? !administration.create(d) : !administration.update(d)) {
            return departmentForm(existing, form, FormErrors.one("code", text("admin.error.codeTaken", locale)), model,
                    locale);
        }
        return backToOverview();
    }

    private String departmentForm(String code, Map<String, String> values, FormErrors errors, Model model,
            Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(text("code", "admin.code", "admin.code.hint", values, locale));
        }
        fields.add(text("nameMs", "admin.nameMs", null, values, locale));
        fields.add(text("nameEn", "admin.nameEn", null, values, locale));
        fields.add(select("state", "admin.state", values, states(locale), locale));
        return form(code == null ? "admin.department.new" : "admin.department.edit", code,
                PATH + "/departments" + (code == null ? "" : "/" + code), fields, errors, model, locale);
    }

    // ---------------------------------------------------------------- branches

    @GetMapping(PATH + "/branches/new")
    String newBranch(Model model, Locale locale) {
        return branchForm(null, Map.of(), FormErrors.none(), model, locale);
    }

    @GetMapping(PATH + "/branches/{code}")
    String editBranch(@PathVariable String code, Model model, Locale locale) {
        Branch b = catalogue.branch(code).orElseThrow(CatalogueAdminPages::notFound);
        return branchForm(code, Map.of("department", b.departmentCode(), "state", b.stateCode(), "nameMs", b.name().ms(),
                "nameEn", b.name().en(), "address", b.address(), "active", String.valueOf(b.active())),
                FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/branches")
    Object createBranch(@RequestParam Map<String, String> form, Model model, Locale locale) {
        return saveBranch(null, form, model, locale);
    }

    @PostMapping(PATH + "/branches/{code}")
    Object updateBranch(@PathVariable String code, @RequestParam Map<String, String> form, Model model, Locale locale) {
        catalogue.branch(code).orElseThrow(CatalogueAdminPages::notFound);
        return saveBranch(code, form, model, locale);
    }

    private Object saveBranch(String existing, Map<String, String> form, Model model, Locale locale) {
        Checker check = new Checker(form, locale);
        String code = existing != null ? existing : check.code("code", CODE);
        String department = check.choice("department", catalogue.allDepartments().stream().map(Department::code).toList());
        String state = check.choice("state", catalogue.states().stream().map(s -> s.code()).toList());
        LocalizedText name = check.names();
        String address = check.text("address", MAX_ADDRESS, "admin.error.address");
        String hoursFrom = existing != null ? null
                : check.choice("hoursFrom", catalogue.allBranches().stream().map(Branch::code).toList());
        boolean active = existing == null || "true".equals(form.get("active"));
        if (check.failed()) {
            return branchForm(existing, form, check.errors(), model, locale);
        }
        Branch b = new Branch(code, department, state, name, address, active);
        if (existing == null ? !administration.create(b, hoursFrom) : !administration.update(b)) {
            return branchForm(existing, form, FormErrors.one("code", text("admin.error.codeTaken", locale)), model,
                    locale);
        }
        return redirect(PATH + "/branches/" + code + "?saved");
    }

    private String branchForm(String code, Map<String, String> values, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(text("code", "admin.code", "admin.code.hint", values, locale));
        }
        fields.add(select("department", "admin.department", values, catalogue.allDepartments().stream()
                .map(d -> new Option(d.code(), d.name().in(locale))).toList(), locale));
        fields.add(select("state", "admin.state", values, states(locale), locale));
        fields.add(text("nameMs", "admin.nameMs", null, values, locale));
        fields.add(text("nameEn", "admin.nameEn", null, values, locale));
        fields.add(text("address", "admin.address", null, values, locale));
        if (code == null) {
            fields.add(new FormField("hoursFrom", text("admin.hoursFrom", locale), text("admin.hoursFrom.hint", locale),
                    Kind.SELECT, values.getOrDefault("hoursFrom", ""), catalogue.allBranches().stream()
                            .map(b -> new Option(b.code(), b.code() + " – " + b.name().in(locale))).toList()));
        } else {
            fields.add(new FormField("active", text("admin.branch.active", locale), text("admin.branch.active.hint", locale),
                    Kind.CHECKBOX, values.getOrDefault("active", "false"), List.of()));
            model.addAttribute("offerings", catalogue.allOfferingsAt(code));
            model.addAttribute("branchCode", code);
        }
        return form(code == null ? "admin.branch.new" : "admin.branch.edit", code,
                PATH + "/branches" + (code == null ? "" : "/" + code), fields, errors, model, locale);
    }

    // ---------------------------------------------------------------- transaction types

    @GetMapping(PATH + "/types/new")
    String newType(Model model, Locale locale) {
        return typeForm(null, Map.of("leadDays", "1", "windowMonths", "3", "emailConfirmation", ""), FormErrors.none(),
                model, locale);
    }

    @GetMapping(PATH + "/types/{code}")
    String editType(@PathVariable String code, Model model, Locale locale) {
        TransactionType t = find(catalogue.transactionTypes(), TransactionType::code, code);
        return typeForm(code, Map.of("nameMs", t.name().ms(), "nameEn", t.name().en(), "slotMinutes",
                String.valueOf(t.slotMinutes()), "leadDays", String.valueOf(t.leadDays()), "windowMonths",
                String.valueOf(t.windowMonths()), "emailConfirmation",
                t.emailConfirmation() == null ? "" : String.valueOf(t.emailConfirmation())), FormErrors.none(), model,
                locale);
    }

    @PostMapping(PATH + "/types")
    Object createType(@RequestParam Map<String, String> form, Model model, Locale locale) {
        return saveType(null, form, model, locale);
    }

    @PostMapping(PATH + "/types/{code}")
    Object updateType(@PathVariable String code, @RequestParam Map<String, String> form, Model model, Locale locale) {
        find(catalogue.transactionTypes(), TransactionType::code, code);
        return saveType(code, form, model, locale);
    }

    private Object saveType(String existing, Map<String, String> form, Model model, Locale locale) {
        Checker check = new Checker(form, locale);
        String code = existing != null ? existing : check.code("code", TYPE_CODE);
        LocalizedText name = check.names();
        int slotMinutes = check.number("slotMinutes", 5, 240);
        int leadDays = check.number("leadDays", 0, 30);
        int windowMonths = check.number("windowMonths", 1, 12);
        // Empty: the type follows the application's default (temujanji.booking.email-confirmation).
        String confirmation = check.choice("emailConfirmation", List.of("", "true", "false"));
        if (check.failed()) {
            return typeForm(existing, form, check.errors(), model, locale);
        }
        TransactionType t = new TransactionType(code, name, slotMinutes, leadDays, windowMonths,
                confirmation.isEmpty() ? null : Boolean.valueOf(confirmation));
        if (existing == null ? !administration.create(t) : !administration.update(t)) {
            return typeForm(existing, form, FormErrors.one("code", text("admin.error.codeTaken", locale)), model, locale);
        }
        return backToOverview();
    }

    private String typeForm(String code, Map<String, String> values, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        if (code == null) {
            fields.add(text("code", "admin.code", "admin.type.code.hint", values, locale));
        }
        fields.add(text("nameMs", "admin.nameMs", null, values, locale));
        fields.add(text("nameEn", "admin.nameEn", null, values, locale));
        fields.add(number("slotMinutes", "admin.slotMinutes", values, locale));
        fields.add(number("leadDays", "admin.leadDays", values, locale));
        fields.add(number("windowMonths", "admin.windowMonths", values, locale));
        fields.add(new FormField("emailConfirmation", text("admin.emailConfirmation", locale),
                text("admin.emailConfirmation.hint", locale), Kind.SELECT, values.getOrDefault("emailConfirmation", ""),
                List.of(new Option("", messages.getMessage("admin.emailConfirmation.default",
                                new Object[] {booking.emailConfirmation() ? 1 : 0}, locale)),
                        new Option("true", text("admin.emailConfirmation.true", locale)),
                        new Option("false", text("admin.emailConfirmation.false", locale)))));
        return form(code == null ? "admin.type.new" : "admin.type.edit", code,
                PATH + "/types" + (code == null ? "" : "/" + code), fields, errors, model, locale);
    }

    // ---------------------------------------------------------------- offerings

    /** A branch's offering of a type: the form to add it ({@code service} empty) or change it. */
    @GetMapping(PATH + "/branches/{code}/offerings")
    String offering(@PathVariable String code, @RequestParam(defaultValue = "") String service, Model model,
            Locale locale) {
        catalogue.branch(code).orElseThrow(CatalogueAdminPages::notFound);
        Optional<Offering> existing = service.isEmpty() ? Optional.empty() : catalogue.offering(code, service);
        Map<String, String> values = existing.map(o -> Map.of("service", service, "slotMinutes",
                String.valueOf(o.slotMinutes()), "capacity", String.valueOf(o.capacity()), "active",
                String.valueOf(o.active()))).orElse(Map.of("service", service, "active", "true"));
        return offeringForm(code, values, FormErrors.none(), model, locale);
    }

    @PostMapping(PATH + "/branches/{code}/offerings")
    Object saveOffering(@PathVariable String code, @RequestParam Map<String, String> form, Model model, Locale locale) {
        Branch branch = catalogue.branch(code).orElseThrow(CatalogueAdminPages::notFound);
        Checker check = new Checker(form, locale);
        String service = check.choice("service", catalogue.transactionTypes().stream().map(TransactionType::code).toList());
        int slotMinutes = check.number("slotMinutes", 5, 240);
        int capacity = check.number("capacity", 1, 100);
        if (check.failed()) {
            return offeringForm(code, form, check.errors(), model, locale);
        }
        // The branch administrator's writer: slot rows follow, and whoever it would cancel is shown first.
        BranchChanges.Outcome outcome = changes.saveOffering(
                new OfferingSettings(code, service, slotMinutes, capacity, "true".equals(form.get("active"))),
                ChangePreview.confirmed(form), current.get().username());
        if (!outcome.applied()) {
            return preview.page(branch, outcome, PATH + "/branches/" + code + "/offerings", PATH + "/branches/" + code,
                    form, model);
        }
        return redirect(PATH + "/branches/" + code + "?saved"
                + (outcome.affected().isEmpty() ? "" : "&cancelled=" + outcome.affected().size()));
    }

    private String offeringForm(String code, Map<String, String> values, FormErrors errors, Model model, Locale locale) {
        List<FormField> fields = List.of(
                select("service", "admin.service", values, catalogue.transactionTypes().stream()
                        .map(t -> new Option(t.code(), t.code() + " – " + t.name().in(locale))).toList(), locale),
                number("slotMinutes", "admin.slotMinutes", values, locale),
                number("capacity", "admin.capacity", values, locale),
                new FormField("active", text("admin.offering.active", locale), text("admin.offering.active.hint", locale),
                        Kind.CHECKBOX, values.getOrDefault("active", "false"), List.of()));
        model.addAttribute("backUrl", PATH + "/branches/" + code);
        return form("admin.offering.title", code, PATH + "/branches/" + code + "/offerings", fields, errors, model,
                locale);
    }

    // ---------------------------------------------------------------- shared

    private String form(String titleKey, String code, String action, List<FormField> fields, FormErrors errors,
            Model model, Locale locale) {
        model.addAttribute("title", messages.getMessage(titleKey, new Object[] {code}, locale));
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

    private List<Option> states(Locale locale) {
        return catalogue.states().stream().map(s -> new Option(s.code(), s.name().in(locale))).toList();
    }

    private FormField text(String name, String labelKey, String hintKey, Map<String, String> values, Locale locale) {
        return new FormField(name, text(labelKey, locale), hintKey == null ? null : text(hintKey, locale), Kind.TEXT,
                values.getOrDefault(name, ""), List.of());
    }

    private FormField number(String name, String labelKey, Map<String, String> values, Locale locale) {
        return new FormField(name, text(labelKey, locale), text(labelKey + ".hint", locale), Kind.NUMBER,
                values.getOrDefault(name, ""), List.of());
    }

    private FormField select(String name, String labelKey, Map<String, String> values, List<Option> options,
            Locale locale) {
        return new FormField(name, text(labelKey, locale), null, Kind.SELECT, values.getOrDefault(name, ""), options);
    }

    private static <T> T find(List<T> all, Function<T, String> code, String wanted) {
        return all.stream().filter(x -> code.apply(x).equals(wanted)).findFirst().orElseThrow(CatalogueAdminPages::notFound);
    }

    private static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    private static RedirectView backToOverview() {
        return redirect(PATH + "?saved");
    }

    private static RedirectView redirect(String to) {
        RedirectView view = new RedirectView(to);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** Reads and checks a form's answers, gathering one message per field in the page's language. */
    private final class Checker {

        private final Map<String, String> form;
        private final Locale locale;
        private final List<FormErrors.Entry> errors = new ArrayList<>();

        Checker(Map<String, String> form, Locale locale) {
            this.form = form;
            this.locale = locale;
        }

        String value(String name) {
            return form.getOrDefault(name, "").strip();
        }

        String code(String name, String pattern) {
            String code = value(name).toUpperCase(Locale.ROOT);
            if (!code.matches(pattern)) {
                fail(name, TYPE_CODE.equals(pattern) ? "admin.error.typeCode" : "admin.error.code");
            }
            return code;
        }

        LocalizedText names() {
            return new LocalizedText(text("nameMs", MAX_NAME, "admin.error.nameMs"),
                    text("nameEn", MAX_NAME, "admin.error.nameEn"));
        }

        String text(String name, int max, String key) {
            String value = value(name);
            if (value.isEmpty() || value.length() > max) {
                fail(name, key);
            }
            return value;
        }

        String choice(String name, List<String> allowed) {
            String value = value(name);
            if (!allowed.contains(value)) {
                fail(name, "admin.error." + name);
            }
            return value;
        }

        int number(String name, int min, int max) {
            try {
                int n = Integer.parseInt(value(name));
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, like a number out of range
            }
            errors.add(new FormErrors.Entry(name, messages.getMessage("admin.error.number",
                    new Object[] {CatalogueAdminPages.this.text("admin." + name, locale), min, max}, locale)));
            return 0;
        }

        void fail(String name, String key) {
            errors.add(new FormErrors.Entry(name, CatalogueAdminPages.this.text(key, locale)));
        }

        boolean failed() {
            return !errors.isEmpty();
        }

        FormErrors errors() {
            return new FormErrors(errors);
        }
    }
}
