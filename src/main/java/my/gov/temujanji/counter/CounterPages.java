package my.gov.temujanji.counter;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.counter.Attendance.Visit;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.platform.Pages;
import my.gov.temujanji.slip.SlipToken;
import my.gov.temujanji.slip.Verification;
import my.gov.temujanji.staff.CurrentStaff;
import my.gov.temujanji.staff.Role;
import my.gov.temujanji.staff.StaffBranches;
import my.gov.temujanji.staff.StaffLink;
import my.gov.temujanji.staff.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The counter's pages. Every branch-scoped handler calls {@link StaffMember#requireBranch} first. The
 * full document number is shown here, to staff of the appointment's branch, and on no applicant page.
 */
@Controller
@RequiredArgsConstructor
class CounterPages {

    static final String ROOT = "/staff/counter";
    private static final Pattern REFERENCE = Pattern.compile("[2-9A-HJ-NP-Z]{10}");
    private static final String VERIFY_PATH = "/verify/";
    private static final int MAX_CODE_LENGTH = 1000;
    private static final int MAX_SEARCH_LENGTH = 100;
    /** The statuses the list can filter by, in the order of a day at the counter. */
    private static final List<AppointmentStatus> LIST_STATUSES = List.of(AppointmentStatus.CONFIRMED,
            AppointmentStatus.CHECKED_IN, AppointmentStatus.LATE, AppointmentStatus.NO_SHOW,
            AppointmentStatus.CANCELLED);

    /** What the verify box found. */
    enum Check {
        /** The token's signature is ours and names this appointment as it is. */
        GENUINE,
        /** Signed by us, but its appointment has moved since: the appointment as it is now is shown. */
        REPLACED,
        /** Not a token we signed: no appointment is shown. */
        FORGED,
        /** Looked up by reference: no slip was checked. */
        FOUND,
        NOT_FOUND
    }

    /**
     * An appointment as the counter shows it. {@code visible}: the member works at its branch, so sees
     * the applicant's name and whole document number; otherwise only what the slip itself shows.
     */
    record Panel(Visit visit, String branchName, String serviceName, CheckInWindow window, Counter.Verdict verdict,
            boolean visible, boolean thisBranch, boolean today, LocalTime checkedInTime) {

        public String reference() {
            return Reference.display(visit.appointment().reference());
        }
    }

    /** A row of today's list: {@code person} is its place in a group booking ("2 of 3"), or 0 when booked alone. */
    record Row(Visit visit, String serviceName, int person, int groupSize) {

        public String reference() {
            return Reference.display(visit.appointment().reference());
        }
    }

    private final CurrentStaff current;
    private final StaffBranches branches;
    private final Catalogue catalogue;
    private final Attendance attendance;
    private final Counter counter;
    private final SlipToken tokens;
    private final MessageSource messages;
    private final Clock clock;

    private final GroupBooking groups;

    @Bean
    static StaffLink counterLink() {
        return new StaffLink(ROOT, "counter.nav", "counter.nav.hint", Role.OFFICER, 10);
    }

    /** An officer of one branch goes straight to it; others choose. */
    @GetMapping(ROOT)
    Object chooseBranch(Model model) {
        List<Branch> choices = branches.toWorkAt(current.get());
        if (choices.size() == 1) {
            return new RedirectView(ROOT + "/" + choices.get(0).code());
        }
        model.addAttribute("branches", choices);
        return "counter/choose";
    }

    @GetMapping(ROOT + "/{branch}")
    String today(@PathVariable String branch, @RequestParam(required = false) String service,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q, Model model,
            HttpServletResponse response) {
        Branch place = branchPage(branch, model, response);
        String search = clip(q, MAX_SEARCH_LENGTH);
        AppointmentStatus chosenStatus = LIST_STATUSES.stream().filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        List<Offering> offerings = catalogue.offeringsAt(branch);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = attendance.ofDay(branch, today, new Attendance.DayFilter(service, chosenStatus, search))
                .stream().map(listed -> new Row(listed.visit(),
                        serviceName(offerings, listed.visit().appointment().serviceCode()),
                        listed.groupPosition() == null ? 0 : listed.groupPosition() + 1, listed.groupSize()))
                .toList();
        model.addAttribute("today", today);
        model.addAttribute("offerings", offerings);
        model.addAttribute("statuses", LIST_STATUSES);
        model.addAttribute("service", service == null ? "" : service);
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("q", search);
        model.addAttribute("filtered", (service != null && !service.isBlank()) || chosenStatus != null
                || !search.isBlank());
        model.addAttribute("rows", rows);
        model.addAttribute("branchName", place.name());
        return "counter/day";
    }

    /** The verify box: a slip's QR token (scanned or typed), the verification address it may be in, or a reference. */
    @GetMapping(ROOT + "/{branch}/verify")
    String verify(@PathVariable String branch, @RequestParam(required = false) String code, Model model,
            Locale locale, HttpServletResponse response) {
        branchPage(branch, model, response);
        String text = clip(code, MAX_CODE_LENGTH).strip();
        if (text.isEmpty()) {
            model.addAttribute("formErrors", FormErrors.one("code",
                    messages.getMessage("counter.verify.error.empty", null, locale)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "counter/verify";
        }
        int verifyAt = text.lastIndexOf(VERIFY_PATH);
        if (verifyAt >= 0) {
            text = text.substring(verifyAt + VERIFY_PATH.length());
        }
        Check check;
        Optional<Visit> visit;
        if (REFERENCE.matcher(Reference.normalise(text)).matches()) {
            visit = attendance.find(text);
            check = visit.isPresent() ? Check.FOUND : Check.NOT_FOUND;
        } else {
            Verification verification = tokens.verify(text);
            visit = verification.genuine() || verification.replaced() ? attendance.find(verification.reference())
                    : Optional.empty();
            check = visit.isEmpty() ? Check.FORGED : verification.replaced() ? Check.REPLACED : Check.GENUINE;
        }
        model.addAttribute("check", check);
        visit.ifPresent(v -> model.addAttribute("panel", panel(v, branch)));
        return "counter/verify";
    }

    @GetMapping(ROOT + "/{branch}/appointments/{reference}")
    String appointment(@PathVariable String branch, @PathVariable String reference,
            @RequestParam(required = false) String done, Model model, HttpServletResponse response) {
        branchPage(branch, model, response);
        Visit visit = attendance.find(reference).filter(v -> v.appointment().branchCode().equals(branch))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
        if (done != null && List.of("checkedIn", "alreadyCheckedIn", "late", "alreadyLate").contains(done)) {
            model.addAttribute("done", done);
        }
        model.addAttribute("panel", panel(visit, branch));
        // A group booking is shown together: the others, each checked in on their own page.
        model.addAttribute("groupPeople", groups.groupOf(visit.appointment().reference()).stream()
                .flatMap(group -> group.appointments().stream())
                .filter(a -> !a.reference().equals(visit.appointment().reference()))
                .map(a -> new GroupPerson(a.applicant().fullName(), Reference.display(a.reference()), a.reference(),
                        a.start() + "–" + a.end(), a.status().name()))
                .toList());
        return "counter/appointment";
    }

    /** Another person of the same group booking, as the counter lists them beside the one opened. */
    record GroupPerson(String name, String referenceDisplay, String reference, String time, String status) {
    }

    @PostMapping(ROOT + "/{branch}/appointments/{reference}/check-in")
    Object checkIn(@PathVariable String branch, @PathVariable String reference, Model model, Locale locale,
            HttpServletResponse response) {
        StaffMember member = current.get();
        member.requireBranch(branch);
        Counter.Result result = counter.checkIn(branch, reference, member.username())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
        if (result.changed() || result.verdict() == Counter.Verdict.ALREADY_CHECKED_IN) {
            return seeOther(branch, result.visit(), result.changed() ? "checkedIn" : "alreadyCheckedIn");
        }
        return refused(branch, result, model, locale, response);
    }

    @PostMapping(ROOT + "/{branch}/appointments/{reference}/late")
    Object markLate(@PathVariable String branch, @PathVariable String reference, Model model, Locale locale,
            HttpServletResponse response) {
        current.get().requireBranch(branch);
        Counter.Result result = counter.markLate(branch, reference)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
        if (result.changed() || result.visit().appointment().status() == AppointmentStatus.LATE) {
            return seeOther(branch, result.visit(), result.changed() ? "late" : "alreadyLate");
        }
        return refused(branch, result, model, locale, response);
    }

    /** The appointment's page again, saying why nothing was done (409: the state did not allow it). */
    private String refused(String branch, Counter.Result result, Model model, Locale locale,
            HttpServletResponse response) {
        branchPage(branch, model, response);
        Panel panel = panel(result.visit(), branch);
        model.addAttribute("panel", panel);
        model.addAttribute("refusal", verdictText(panel, locale));
        response.setStatus(HttpStatus.CONFLICT.value());
        return "counter/appointment";
    }

    private String verdictText(Panel panel, Locale locale) {
        return messages.getMessage("counter.verdict." + panel.verdict().name(),
                new Object[] {panel.window().opens().toLocalTime().toString(),
                        panel.window().closes().toLocalTime().toString()}, locale);
    }

    private Panel panel(Visit visit, String branch) {
        StaffMember member = current.get();
        String branchCode = visit.appointment().branchCode();
        Locale locale = LocaleContextHolder.getLocale();
        String branchName = catalogue.branch(branchCode).map(b -> b.name().in(locale)).orElse(branchCode);
        String serviceName = serviceName(catalogue.offeringsAt(branchCode), visit.appointment().serviceCode());
        return new Panel(visit, branchName, serviceName, counter.window(visit), counter.verdict(visit, branch),
                member.canSee(branchCode), branchCode.equals(branch),
                visit.appointment().date().equals(LocalDate.now(clock)),
                visit.checkedInAt() == null ? null
                        : LocalTime.ofInstant(visit.checkedInAt(), clock.getZone()).withSecond(0).withNano(0));
    }

    /** Common to every counter page: the member works at the branch, which exists; nothing is cached. */
    private Branch branchPage(String branch, Model model, HttpServletResponse response) {
        current.get().requireBranch(branch);
        Branch place = catalogue.requireBranch(branch);
        model.addAttribute("branch", place);
        model.addAttribute("formErrors", FormErrors.none());
        Pages.noStore(response);
        return place;
    }

    private static String serviceName(List<Offering> offerings, String serviceCode) {
        Locale locale = LocaleContextHolder.getLocale();
        return offerings.stream().filter(o -> o.type().code().equals(serviceCode)).findFirst()
                .map(o -> o.type().name().in(locale)).orElse(serviceCode);
    }

    private static RedirectView seeOther(String branch, Visit visit, String done) {
        return Pages.seeOther(UriComponentsBuilder.fromPath(ROOT + "/{branch}/appointments/{reference}")
                .queryParam("done", done).buildAndExpand(branch, visit.appointment().reference()).toUriString());
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() > max ? text.substring(0, max) : text;
    }
}
