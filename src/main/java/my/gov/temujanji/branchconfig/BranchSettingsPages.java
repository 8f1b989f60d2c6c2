package my.gov.temujanji.branchconfig;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.BranchSettings;
import my.gov.temujanji.catalogue.BranchSettings.OfferingSettings;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.schedule.ScheduleAdministration;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
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
 * Branch configuration (konfigurasi cawangan) for the branch's BRANCH_ADMIN and any SYSTEM_ADMIN:
 * weekly hours, places and slot length per transaction type, the branch's own booking window, minutes
 * of grace for late applicants, and branch closures. A change that takes places away from booked
 * applicants is shown first with who is affected ({@code branchconfig/affected}) and made only when
 * the administrator confirms.
 */
@Controller
class BranchSettingsPages {

    private static final String BASE = "/staff/branch/{code}/settings";
    private static final int MAX_NAME = 200;
    private static final int MAX_LATE_GRACE = 120;

    private final CurrentStaff current;
    private final Catalogue catalogue;
    private final BranchSettings offerings;
    private final ScheduleAdministration schedule;
    private final BranchChanges changes;
    private final ChangePreview preview;
    private final MessageSource messages;
    private final Clock clock;

    BranchSettingsPages(CurrentStaff current, Catalogue catalogue, BranchSettings offerings,
            ScheduleAdministration schedule, BranchChanges changes, ChangePreview preview, MessageSource messages,
            Clock clock) {
        this.current = current;
        this.catalogue = catalogue;
        this.offerings = offerings;
        this.schedule = schedule;
        this.changes = changes;
        this.preview = preview;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static StaffLink branchSettingsLink() {
        return new StaffLink("/staff/branch-settings", "branchcfg.nav", "branchcfg.nav.hint", Role.BRANCH_ADMIN, 60);
    }

    /** The branches the member may configure; straight to the one when there is only one. */
    @GetMapping("/staff/branch-settings")
    Object choose(Model model) {
        StaffMember member = current.get();
        if (!member.is(Role.BRANCH_ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException(member.username() + " is not a BRANCH_ADMIN");
        }
        List<Branch> branches = member.role() == Role.SYSTEM_ADMIN
                ? catalogue.departments().stream().flatMap(d -> catalogue.branchesOf(d.code()).stream()).toList()
                : member.branches().stream().map(catalogue::branch).flatMap(java.util.Optional::stream).toList();
        if (branches.size() == 1) {
            return seeOther("/staff/branch/" + branches.get(0).code() + "/settings");
        }
        model.addAttribute("branches", branches);
        return "branchconfig/choose";
    }

    @GetMapping(BASE)
    String overview(@PathVariable String code, Model model) {
        Branch branch = branch(code);
        model.addAttribute("branch", branch);
        model.addAttribute("hours", schedule.hours(code));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("offerings", offerings.settingsAt(code));
        model.addAttribute("lateGraceMinutes", offerings.lateGraceMinutes(code));
        model.addAttribute("closures", schedule.closures(code, LocalDate.now(clock)));
        return "branchconfig/overview";
    }

    // Weekly hours.

    @GetMapping(BASE + "/hours")
    String hours(@PathVariable String code, Model model) {
        return hoursPage(branch(code), HoursForm.values(schedule.hours(code)), FormErrors.none(), model);
    }

    @PostMapping(BASE + "/hours")
    Object changeHours(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
            Locale locale) {
        Branch branch = branch(code);
        HoursForm.Parsed parsed = HoursForm.parse(params, messages, locale);
        if (parsed.errors().any()) {
            return hoursPage(branch, parsed.values(), parsed.errors(), model);
        }
        BranchChanges.Outcome outcome = changes.changeHours(code, parsed.hours(), ChangePreview.confirmed(params), staff());
        return done(branch, outcome, "hours", params, model);
    }

    private String hoursPage(Branch branch, Map<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("values", values);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("periods", java.util.stream.IntStream.rangeClosed(1, HoursForm.PERIODS).boxed().toList());
        model.addAttribute("formErrors", errors);
        return "branchconfig/hours";
    }

    // A transaction type as the branch offers it.

    @GetMapping(BASE + "/services/{service}")
    String offering(@PathVariable String code, @PathVariable String service, Model model) {
        Branch branch = branch(code);
        OfferingSettings settings = settings(code, service);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("capacity", String.valueOf(settings.capacity()));
        values.put("slotMinutes", String.valueOf(settings.slotMinutes()));
        values.put("leadDays", settings.leadDays() == null ? "" : String.valueOf(settings.leadDays()));
        values.put("windowMonths", settings.windowMonths() == null ? "" : String.valueOf(settings.windowMonths()));
        return offeringPage(branch, settings, values, FormErrors.none(), model);
    }

    @PostMapping(BASE + "/services/{service}")
    Object changeOffering(@PathVariable String code, @PathVariable String service,
            @RequestParam Map<String, String> params, Model model, Locale locale) {
        Branch branch = branch(code);
        OfferingSettings settings = settings(code, service);
        List<FormErrors.Entry> errors = new ArrayList<>();
        Integer capacity = number(params, "capacity", 1, 100, false, errors, locale);
        Integer slotMinutes = number(params, "slotMinutes", 5, 240, false, errors, locale);
        Integer leadDays = number(params, "leadDays", 0, 30, true, errors, locale);
        Integer windowMonths = number(params, "windowMonths", 1, 12, true, errors, locale);
        if (!errors.isEmpty()) {
            return offeringPage(branch, settings, values(params, "capacity", "slotMinutes", "leadDays", "windowMonths"),
                    new FormErrors(errors), model);
        }
        OfferingSettings changed = new OfferingSettings(service, settings.serviceName(), slotMinutes, capacity, leadDays,
                windowMonths, settings.defaultLeadDays(), settings.defaultWindowMonths());
        return done(branch, changes.changeOffering(code, changed, ChangePreview.confirmed(params), staff()), "services/" + service,
                params, model);
    }

    private String offeringPage(Branch branch, OfferingSettings settings, Map<String, String> values,
            FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("settings", settings);
        model.addAttribute("values", values);
        model.addAttribute("formErrors", errors);
        return "branchconfig/offering";
    }

    // Minutes of grace for a late applicant.

    @GetMapping(BASE + "/late-grace")
    String lateGrace(@PathVariable String code, Model model) {
        Branch branch = branch(code);
        return lateGracePage(branch, String.valueOf(offerings.lateGraceMinutes(code)), FormErrors.none(), model);
    }

    @PostMapping(BASE + "/late-grace")
    Object changeLateGrace(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
            Locale locale) {
        Branch branch = branch(code);
        List<FormErrors.Entry> errors = new ArrayList<>();
        Integer minutes = number(params, "lateGraceMinutes", 0, MAX_LATE_GRACE, false, errors, locale);
        if (!errors.isEmpty()) {
            return lateGracePage(branch, params.getOrDefault("lateGraceMinutes", ""), new FormErrors(errors), model);
        }
        changes.setLateGraceMinutes(code, minutes);
        return seeOther("/staff/branch/" + code + "/settings?saved");
    }

    private String lateGracePage(Branch branch, String value, FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("lateGraceMinutes", value);
        model.addAttribute("formErrors", errors);
        return "branchconfig/late-grace";
    }

    // Branch closures (cuti peristiwa).

    @GetMapping(BASE + "/closures")
    String closures(@PathVariable String code, Model model) {
        return closuresPage(branch(code), Map.of(), FormErrors.none(), model);
    }

    @PostMapping(BASE + "/closures")
    Object addClosure(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
            Locale locale) {
        Branch branch = branch(code);
        List<FormErrors.Entry> errors = new ArrayList<>();
        LocalDate day = null;
        String dayText = params.getOrDefault("day", "").strip();
        try {
            day = dayText.isEmpty() ? null : LocalDate.parse(dayText);
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            errors.add(entry("day", dayText.isEmpty() ? "branchcfg.closure.error.day" : "branchcfg.closure.error.dayFormat",
                    locale));
        } else if (day.isBefore(LocalDate.now(clock))) {
            errors.add(entry("day", "branchcfg.closure.error.past", locale));
        } else if (schedule.closedByBranch(code, day)) {
            errors.add(entry("day", "branchcfg.closure.error.exists", locale));
        }
        String nameMs = params.getOrDefault("nameMs", "").strip();
        String nameEn = params.getOrDefault("nameEn", "").strip();
        if (nameMs.isEmpty() || nameMs.length() > MAX_NAME) {
            errors.add(entry("nameMs", "branchcfg.closure.error.nameMs", locale));
        }
        if (nameEn.isEmpty() || nameEn.length() > MAX_NAME) {
            errors.add(entry("nameEn", "branchcfg.closure.error.nameEn", locale));
        }
        if (!errors.isEmpty()) {
            return closuresPage(branch, values(params, "day", "nameMs", "nameEn"), new FormErrors(errors), model);
        }
        BranchChanges.Outcome outcome = changes.addClosure(code, day, new LocalizedText(nameMs, nameEn), ChangePreview.confirmed(params),
                staff());
        return done(branch, outcome, "closures", params, model);
    }

    @PostMapping(BASE + "/closures/{id}/remove")
    Object removeClosure(@PathVariable String code, @PathVariable long id) {
        branch(code);
        if (!changes.removeClosure(code, id)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND");
        }
        return seeOther("/staff/branch/" + code + "/settings/closures?removed");
    }

    private String closuresPage(Branch branch, Map<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("branch", branch);
        model.addAttribute("closures", schedule.closures(branch.code(), LocalDate.now(clock)));
        model.addAttribute("values", values);
        model.addAttribute("formErrors", errors);
        return "branchconfig/closures";
    }

    // Shared.

    /** After a change: saved, back to the overview; or the appointments it would cancel, to confirm. */
    private Object done(Branch branch, BranchChanges.Outcome outcome, String page, Map<String, String> params,
            Model model) {
        if (outcome.applied()) {
            return seeOther("/staff/branch/" + branch.code() + "/settings?saved"
                    + (outcome.affected().isEmpty() ? "" : "&cancelled=" + outcome.affected().size()));
        }
        String url = "/staff/branch/" + branch.code() + "/settings/" + page;
        return preview.page(branch, outcome, url, url, params, model);
    }

    /** The branch, after checking the signed-in member administers it (403 otherwise); 404 when unknown. */
    private Branch branch(String code) {
        current.get().requireBranch(code, Role.BRANCH_ADMIN);
        return catalogue.branch(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
    }

    private OfferingSettings settings(String code, String service) {
        return offerings.settings(code, service).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND"));
    }

    private String staff() {
        return current.get().username();
    }

    private Integer number(Map<String, String> params, String field, int min, int max, boolean optional,
            List<FormErrors.Entry> errors, Locale locale) {
        String text = params.getOrDefault(field, "").strip();
        if (text.isEmpty() && optional) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FormErrors.Entry(field, messages.getMessage("branchcfg.error.number",
                new Object[] {messages.getMessage("branchcfg.field." + field, null, locale), min, max}, locale)));
        return null;
    }

    private static Map<String, String> values(Map<String, String> params, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, params.getOrDefault(field, ""));
        }
        return values;
    }

    private FormErrors.Entry entry(String field, String key, Locale locale) {
        return new FormErrors.Entry(field, messages.getMessage(key, null, locale));
    }
}
