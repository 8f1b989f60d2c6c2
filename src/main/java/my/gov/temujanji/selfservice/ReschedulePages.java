package my.gov.temujanji.selfservice;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;
import static my.gov.temujanji.selfservice.ManagedAppointments.PATH;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.ChangeOutcome;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.GroupChangeOutcome;
import my.gov.temujanji.fairaccess.ChallengeErrors;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Choice;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.DayAvailability;
import my.gov.temujanji.schedule.MonthCalendar;
import my.gov.temujanji.schedule.MonthCalendars;
import my.gov.temujanji.schedule.SlotChoices;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Moving an appointment: a month calendar of the booking window, the chosen day's slots, and the move,
 * which takes the new place before it gives the old one back. A move takes a new place, so it passes the
 * gates of a booking (rate limits, proof of work).
 */
@Controller
@RequiredArgsConstructor
class ReschedulePages {

    private final Booking booking;
    private final Availability availability;
    private final MessageSource messages;
    private final MonthCalendars calendars;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final ManagedAppointments managed;
    private final GroupBooking groups;

    /** What a redirect may ask the slots page to say at the slots. */
    private static final Set<String> SLOT_ERRORS = Set.of("required", "full", "notBookable", "same");

    /** The slots page's error (its key in the address) for each refusal of the new slot. */
    private static final Map<Class<? extends ChangeOutcome.Refusal>, String> SLOT_REFUSALS = Map.of(
            ChangeOutcome.SlotFull.class, "full",
            ChangeOutcome.NotBookable.class, "notBookable",
            ChangeOutcome.SameSlot.class, "same");

    /** A refused proof of work comes back to the slots page as this error, with the problem's code. */
    private static final String CHALLENGE_ERROR = "challenge";

    /** The new date: a month calendar whose open days link to their slots. */
    @GetMapping(PATH + "/{draft}/reschedule")
    Object rescheduleDate(@PathVariable UUID draft,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model,
            Locale locale, HttpServletResponse response) {
        noStore(response);
        return managed.withDraft(draft, opened -> managed.whenMovable(opened, model, locale, a -> datePage(a, month, model, locale)));
    }

    @GetMapping(PATH + "/{draft}/reschedule/slots")
    Object rescheduleSlots(@PathVariable UUID draft,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @RequestParam(required = false) String error, @RequestParam(required = false) String challenge,
            @RequestParam(required = false) Long wait, Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        FormErrors errors = error != null && SLOT_ERRORS.contains(error)
                ? slotError("manage.slots.error." + error, locale)
                : CHALLENGE_ERROR.equals(error)
                ? ChallengeErrors.Refused.carried(challenge, wait).map(r -> r.errors(messages, locale))
                        .orElseGet(FormErrors::none)
                : FormErrors.none();
        return managed.withDraft(draft, opened -> managed.whenMovable(opened, model, locale, a -> date == null
                ? datePage(a, null, model, locale)
                : slotsPage(a, date, start, errors, model, locale)));
    }

    /** The move's form: the new slot and the proof of work; a missing date or slot leads back to its question. */
    record MoveForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @DateTimeFormat(pattern = "HH:mm") LocalTime start, String altcha) {
    }

    @PostMapping(PATH + "/{draft}/reschedule")
    Object reschedule(@PathVariable UUID draft, @ModelAttribute MoveForm form, BindingResult binding,
            HttpServletResponse response, HttpServletRequest request) {
        if (binding.hasErrors()) {
            // A date or time the page never sends.
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST");
        }
        noStore(response);
        return managed.changing(draft, request, d -> move(draft, d, form, request));
    }

    /** The move asked for, under a draft still valid: back to a missing answer's question, else the gates and the move. */
    private Object move(UUID draft, ManageDrafts.Draft d, MoveForm form, HttpServletRequest request) {
        LocalDate date = form.date();
        LocalTime start = form.start();
        if (date == null) {
            return seeOther(ManagedAppointments.draftPath(draft) + "/reschedule");
        }
        if (start == null) {
            return seeOther(slotsPath(draft, date, null, "required"));
        }
        // A move takes a new place: the gates of a booking, as the page's OK to book passes them.
        rateLimits.check(LimitedAction.BOOKING, request, d.documentNumber());
        try {
            challenges.verifyOnPage(form.altcha(), challengeSubject(d.reference()));
        } catch (ApiProblem problem) {
            ChallengeErrors.Refused refused = ChallengeErrors.Refused.of(problem).orElseThrow(() -> problem);
            return seeOther(UriComponentsBuilder.fromUriString(slotsPath(draft, date, start, CHALLENGE_ERROR))
                    .queryParam("challenge", refused.code())
                    .queryParamIfPresent("wait", Optional.ofNullable(refused.secondsLeft()))
                    .toUriString());
        }
        ChangeOutcome outcome = moveTogether(d.reference(), d.documentNumber(), date, start);
        if (outcome instanceof ChangeOutcome.Changed moved) {
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/rescheduled")
                    .queryParam("reference", moved.appointment().reference()).toUriString());
        }
        ChangeOutcome.Refusal refusal = (ChangeOutcome.Refusal) outcome;
        String error = SLOT_REFUSALS.get(refusal.getClass());
        return error != null ? seeOther(slotsPath(draft, date, start, error)) : managed.refusalRedirect(refusal, draft);
    }

    /** The appointment moved, or with it every person of its group who holds a place (all or none). */
    private ChangeOutcome moveTogether(String reference, String documentNumber, LocalDate date, LocalTime start) {
        Optional<Appointment> current = booking.find(reference, documentNumber);
        if (current.isEmpty()) {
            return new ChangeOutcome.NotFound();
        }
        if (managed.movingTogether(current.get()) <= 1) {
            return booking.reschedule(reference, documentNumber, date, start);
        }
        GroupChangeOutcome moved = groups.reschedule(reference, documentNumber, date, start);
        if (moved instanceof GroupChangeOutcome.Changed changed) {
            return new ChangeOutcome.Changed(changed.group().applicant());
        }
        // A group not found for the pair that found its applicant's appointment: as that pair not found.
        return moved instanceof GroupChangeOutcome.Refused refused ? refused.refusal() : new ChangeOutcome.NotFound();
    }

    private String datePage(ManagedAppointments.Opened opened, YearMonth month, Model model, Locale locale) {
        Appointment appointment = opened.appointment();
        managed.addAppointment(opened, model);
        model.addAttribute("calendar", calendars.of(managed.offering(appointment),
                month != null ? month : YearMonth.from(appointment.date()), locale));
        model.addAttribute("weekdays", MonthCalendar.weekdays(locale));
        return "booking/manage/date";
    }

    private String slotsPage(ManagedAppointments.Opened opened, LocalDate date, LocalTime selected, FormErrors errors,
            Model model, Locale locale) {
        Appointment appointment = opened.appointment();
        DayAvailability day = availability.day(appointment.branchCode(), appointment.serviceCode(), date);
        boolean sameDay = date.equals(appointment.date());
        // A group moves together: only the slots where everyone fits (the slot, or it and the ones right after it).
        List<Choice> choices = SlotChoices.of(availability.slots(appointment.branchCode(), appointment.serviceCode(),
                        date, managed.movingTogether(appointment)),
                date.equals(appointment.date()) ? appointment.start() : null, managed.text("manage.slots.current", locale),
                messages, locale);
        managed.addAppointment(opened, model);
        model.addAttribute("challengeSubject", challengeSubject(appointment.reference()));
        model.addAttribute("day", day);
        model.addAttribute("reason", day.reason() == null ? null : day.reason().in(locale));
        model.addAttribute("choices", choices);
        model.addAttribute("anyFree", choices.stream().anyMatch(c -> !c.disabled()));
        model.addAttribute("selected", selected == null ? null : selected.toString());
        model.addAttribute("formErrors", errors);
        return "booking/manage/slots";
    }

    /** A move's no-JavaScript pass belongs to the appointment: one at a time. */
    private static String challengeSubject(String reference) {
        return "move:" + reference;
    }

    private FormErrors slotError(String key, Locale locale) {
        return FormErrors.one("start", managed.text(key, locale));
    }

    private static String slotsPath(UUID draft, LocalDate date, LocalTime start, String error) {
        return UriComponentsBuilder.fromPath(ManagedAppointments.draftPath(draft) + "/reschedule/slots").queryParam("date", date)
                .queryParamIfPresent("start", Optional.ofNullable(start)).queryParam("error", error).toUriString();
    }
}
