package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.BookingProperties;
import my.gov.temujanji.booking.HoldGate;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.ChallengeErrors;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Choice;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.DayAvailability;
import my.gov.temujanji.schedule.SlotChoices;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * SLOT TEMUJANJI: a day's time slots, and choosing one, which takes a hold (a place kept for ten
 * minutes) and leads to the applicant's details ({@link HoldPages}). Answers a POST with a 303.
 */
@Controller
@RequiredArgsConstructor
class SlotPages {

    /** Shown on the slots page when the hold ran out and its slot was taken meanwhile. */
    static final String NOTICE_SLOT_TAKEN = "slot-taken";
    /** Shown on the slots page when the hold ran out and its day can no longer be booked. */
    static final String NOTICE_NOT_BOOKABLE = "not-bookable";

    private final Catalogue catalogue;
    private final Availability availability;
    private final Holds holds;
    private final BookingProperties properties;
    private final MessageSource messages;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final List<HoldGate> gates;
    private final GroupSizes groupSizes;

    @GetMapping("/book/slots")
    String slots(@RequestParam String branch, @RequestParam String service,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID from, @RequestParam(required = false) Integer people,
            @RequestParam(required = false) String notice,
            @CookieValue(name = HoldGate.Pass.PASS_COOKIE, required = false) String pass,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, Model model,
            Locale locale, HttpServletRequest request) {
        // A day just released is for those the waiting room admitted: the others wait there instead.
        Optional<String> waitingRoom = waitingRoom(branch, service, date, pass, client);
        if (waitingRoom.isPresent()) {
            return "redirect:" + waitingRoom.get();
        }
        if (NOTICE_SLOT_TAKEN.equals(notice) || NOTICE_NOT_BOOKABLE.equals(notice)) {
            model.addAttribute("notice", messages.getMessage("slots.notice." + notice, null, locale));
        }
        model.addAttribute("challengeSubject", challenges.clientSubject(request));
        return slotsPage(branch, service, date, null, from, people, FormErrors.none(), model, locale);
    }

    /**
     * The slots page's form: the place (hidden fields), the slot chosen, the hold it replaces, the group
     * size chosen (none: one person), the proof of work.
     */
    record HoldForm(@NotNull String branch, @NotNull String service,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @NotNull(message = "{slots.error.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime start, UUID from,
            Integer people, String altcha) {
    }

    @PostMapping("/book/holds")
    Object hold(@Valid @ModelAttribute HoldForm form, BindingResult binding,
            @CookieValue(name = HoldGate.Pass.PASS_COOKIE, required = false) String pass,
            @CookieValue(name = HoldGate.Pass.CLIENT_COOKIE, required = false) String client, Model model,
            Locale locale, HttpServletRequest request) {
        // The hidden fields and the values' formats are the page's own: a request without them is not from it.
        if (binding.getFieldErrors().stream().anyMatch(e -> e.isBindingFailure() || !"start".equals(e.getField()))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        String branch = form.branch();
        String service = form.service();
        LocalDate date = form.date();
        LocalTime start = form.start();
        UUID from = form.from();
        rateLimits.check(LimitedAction.HOLD, request, null);
        String subject = challenges.clientSubject(request);
        model.addAttribute("challengeSubject", subject);
        if (binding.hasErrors()) {
            return slotsPage(branch, service, date, null, from, form.people(),
                    FormErrors.of(binding, messages, locale, List.of("start")), model, locale);
        }
        try {
            challenges.verifyOnPage(form.altcha(), subject);
            Hold hold = holds.hold(branch, service, date, start, from, new HoldGate.Pass(pass, client));
            return seeOther("/book/holds/" + hold.id() + "/details" + GroupSizes.carried(form.people()));
        } catch (ApiProblem problem) {
            Optional<String> waitingRoom = waitingRoom(branch, service, date, pass, client);
            if (problem.code().startsWith("PASS_") && waitingRoom.isPresent()) {
                return seeOther(waitingRoom.get());
            }
            FormErrors errors = switch (problem.code()) {
                case "SLOT_FULL" -> slotError("slots.error.taken", locale);
                case "NOT_BOOKABLE" -> slotError("slots.error.notBookable", locale);
                default -> ChallengeErrors.of(problem, messages, locale);
            };
            return slotsPage(branch, service, date, start, from, form.people(), errors, model, locale);
        }
    }

    private Optional<String> waitingRoom(String branch, String service, LocalDate date, String pass, String client) {
        return gates.stream().map(gate -> gate.waitingRoom(branch, service, date, new HoldGate.Pass(pass, client)))
                .flatMap(Optional::stream).findFirst();
    }

    /** The day's slots a group of {@code people} (a changed hold: at least its own people) can start at. */
    private String slotsPage(String branch, String service, LocalDate date, LocalTime selected, UUID from,
            Integer people, FormErrors errors, Model model, Locale locale) {
        Offering offering = catalogue.requireOffering(branch, service);
        int group = groupSizes.shownFor(service, people, from);
        DayAvailability day = availability.day(branch, service, date, group);
        List<Choice> choices = SlotChoices.of(availability.slots(branch, service, date, group), null, null, messages,
                locale);
        model.addAttribute("offering", offering);
        model.addAttribute("day", day);
        model.addAttribute("reason", day.reason() == null ? null : day.reason().in(locale));
        model.addAttribute("choices", choices);
        model.addAttribute("selected", selected == null ? null : selected.toString());
        model.addAttribute("from", from);
        model.addAttribute("group", group);
        // The size chosen on the question goes on to the hold (and from a changed hold to the new one), so
        // that the review still reminds of the people not added yet.
        Optional<Integer> chosen = GroupSizes.chosen(people);
        model.addAttribute("people", chosen.orElse(null));
        model.addAttribute("formErrors", errors);
        model.addAttribute("holdMinutes", properties.holdDuration().toMinutes());
        model.addAttribute("calendarUrl", UriComponentsBuilder.fromPath("/book/date").queryParam("branch", branch)
                .queryParam("service", service).queryParam("month", YearMonth.from(date))
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("people", chosen).toUriString());
        model.addAttribute("pageUrl", slotsUrl(branch, service, date, from)
                .queryParamIfPresent("people", chosen).toUriString());
        return "booking/slots";
    }

    private FormErrors slotError(String key, Locale locale) {
        // The summary links to the first time slot radio, whose id is the field's name.
        return FormErrors.one("start", messages.getMessage(key, null, locale));
    }

    static UriComponentsBuilder slotsUrl(String branch, String service, LocalDate date, UUID from) {
        return UriComponentsBuilder.fromPath("/book/slots").queryParam("branch", branch).queryParam("service", service)
                .queryParam("date", date).queryParamIfPresent("from", Optional.ofNullable(from));
    }
}
