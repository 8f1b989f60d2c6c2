package my.gov.temujanji.booking.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Choice;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.MonthCalendar;
import my.gov.temujanji.schedule.MonthCalendars;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The landing page and the questions before the time slot: JABATAN, BAHAGIAN/CAWANGAN/UNIT, URUSNIAGA,
 * how many people (for a type that lets the applicant add others) and TARIKH TEMUJANJI. Each question's
 * form GETs the next page; a page reached without the previous answer shows the previous question again
 * with its error, so nothing here needs a session.
 */
@Controller
@RequiredArgsConstructor
class PlaceChoicePages {

    private final Catalogue catalogue;
    private final Availability availability;
    private final MessageSource messages;
    private final MonthCalendars calendars;
    private final BookingProperties properties;

    private final List<HoldGate> gates;
    private final GroupSizes groupSizes;

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("openingTime", availability.openingTime().toString());
        model.addAttribute("arriveEarlyMinutes", properties.arriveEarlyMinutes());
        return "booking/landing";
    }

    @GetMapping("/book/department")
    String department(@RequestParam(required = false) String department, Model model, Locale locale) {
        return departmentQuestion(department, FormErrors.none(), model, locale);
    }

    @GetMapping("/book/branch")
    String branch(@RequestParam(required = false) String department, @RequestParam(required = false) String branch,
            Model model, Locale locale) {
        if (blank(department)) {
            return departmentQuestion(null, required("department", "department.error.required", locale), model, locale);
        }
        return branchQuestion(requireDepartment(department), branch, FormErrors.none(), model, locale);
    }

    @GetMapping("/book/service")
    String service(@RequestParam(required = false) String department, @RequestParam(required = false) String branch,
            @RequestParam(required = false) String service, Model model, Locale locale) {
        if (blank(branch)) {
            if (blank(department)) {
                return "redirect:/book/department";
            }
            return branchQuestion(requireDepartment(department), null,
                    required("branch", "branch.error.required", locale), model, locale);
        }
        return serviceQuestion(catalogue.requireBranch(branch), service, FormErrors.none(), model, locale);
    }

    /** How many people, including the applicant: asked only for a type that lets them add others. */
    @GetMapping("/book/people")
    String people(@RequestParam(required = false) String branch, @RequestParam(required = false) String service,
            @RequestParam(required = false) Integer people, Model model, Locale locale) {
        String unanswered = serviceUnanswered(branch, service, model, locale);
        if (unanswered != null) {
            return unanswered;
        }
        Offering offering = catalogue.requireOffering(branch, service);
        if (groupSizes.most(service) == 1) {
            return "redirect:" + placeLink("/book/date", branch, service, null, 1);
        }
        return peopleQuestion(offering, people, FormErrors.none(), model, locale);
    }

    /**
     * The calendar, for {@code people} (none: one person). {@code asked}: sent by the people question's
     * form, whose answer is then missing when {@code people} is.
     */
    @GetMapping("/book/date")
    String date(@RequestParam(required = false) String branch, @RequestParam(required = false) String service,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) UUID from, @RequestParam(required = false) Integer people,
            @RequestParam(required = false) String asked,
            @CookieValue(name = HoldGate.Pass.PASS_COOKIE, required = false) String pass,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, Model model,
            Locale locale) {
        String unanswered = serviceUnanswered(branch, service, model, locale);
        if (unanswered != null) {
            return unanswered;
        }
        Offering offering = catalogue.requireOffering(branch, service);
        if (asked != null && people == null && from == null && groupSizes.most(service) > 1) {
            return peopleQuestion(offering, null, required("people", "people.error.required", locale), model, locale);
        }
        int group = groupSizes.shownFor(service, people, from);
        // The days opening today are reached through the waiting room: the calendar says where it is.
        model.addAttribute("waitingRoomUrl", gates.stream()
                .flatMap(gate -> gate.waitingRoom(branch, service, null, new HoldGate.Pass(pass, client)).stream())
                .findFirst().orElse(null));
        model.addAttribute("offering", offering);
        model.addAttribute("from", from);
        model.addAttribute("group", group);
        model.addAttribute("backUrl", groupSizes.most(service) > 1
                ? placeLink("/book/people", branch, service, null, group)
                : placeLink("/book/service", branch, service, null, 1));
        model.addAttribute("calendar", calendars.of(offering, month, group, locale));
        model.addAttribute("weekdays", MonthCalendar.weekdays(locale));
        // Every day and month link differs only in its last parameter.
        model.addAttribute("slotsLinkStart", placeLink("/book/slots", branch, service, from, group) + "&date=");
        model.addAttribute("monthLinkStart", placeLink("/book/date", branch, service, from, group) + "&month=");
        return "booking/date";
    }

    /** For a page after the transaction type reached without it: the question to answer first; else null. */
    private String serviceUnanswered(String branch, String service, Model model, Locale locale) {
        if (blank(branch)) {
            return "redirect:/book/department";
        }
        if (blank(service)) {
            return serviceQuestion(catalogue.requireBranch(branch), null,
                    required("service", "service.error.required", locale), model, locale);
        }
        return null;
    }

    private String departmentQuestion(String selected, FormErrors errors, Model model, Locale locale) {
        List<Choice> choices = catalogue.departments().stream()
                .map(d -> Choice.of(d.code(), d.name().in(locale), null))
                .toList();
        return question("booking/department", choices, selected, errors, model);
    }

    private String branchQuestion(Department department, String selected, FormErrors errors, Model model,
            Locale locale) {
        List<Choice> choices = catalogue.branchesOf(department.code()).stream()
                .map(b -> Choice.of(b.code(), b.name().in(locale), b.address()))
                .toList();
        model.addAttribute("department", department);
        return question("booking/branch", choices, selected, errors, model);
    }

    private String serviceQuestion(Branch branch, String selected, FormErrors errors, Model model, Locale locale) {
        List<Choice> choices = catalogue.offeringsAt(branch.code()).stream()
                .map(o -> Choice.of(o.type().code(), o.type().name().in(locale), null))
                .toList();
        model.addAttribute("branch", branch);
        return question("booking/service", choices, selected, errors, model);
    }

    private String peopleQuestion(Offering offering, Integer selected, FormErrors errors, Model model, Locale locale) {
        int most = groupSizes.most(offering.type().code());
        List<Choice> choices = new ArrayList<>();
        for (int size = 1; size <= most; size++) {
            choices.add(Choice.of(Integer.toString(size), size == 1 ? messages.getMessage("people.one", null, locale)
                    : messages.getMessage("people.many", new Object[] {size}, locale), null));
        }
        model.addAttribute("offering", offering);
        model.addAttribute("most", most);
        return question("booking/people", choices, selected == null ? null : selected.toString(), errors, model);
    }

    /** A question's page: its choices, the one chosen (or null) and its error. */
    private static String question(String view, List<Choice> choices, String selected, FormErrors errors,
            Model model) {
        model.addAttribute("choices", choices);
        model.addAttribute("selected", selected);
        model.addAttribute("formErrors", errors);
        return view;
    }

    private Department requireDepartment(String code) {
        return catalogue.department(code)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_DEPARTMENT", code));
    }

    private FormErrors required(String field, String messageKey, Locale locale) {
        return FormErrors.one(field, messages.getMessage(messageKey, null, locale));
    }

    /** A page of the place chosen; {@code people} only for a group chosen on the question (a changed slot has its hold's). */
    private static String placeLink(String path, String branch, String service, UUID from, int people) {
        return UriComponentsBuilder.fromPath(path).queryParam("branch", branch).queryParam("service", service)
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("people", Optional.of(people).filter(n -> n > 1 && from == null)).toUriString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
