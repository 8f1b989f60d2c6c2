package my.gov.temujanji.selfservice;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingPages;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.Blocks;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Semak, batal atau tukar temujanji: the applicant finds their appointment with its reference and
 * document number, then cancels it or moves it to another slot.
 *
 * <p>The document number never goes into an address (addresses end up in logs). A successful look-up
 * keeps the checked pair in a short-lived server-side draft ({@link ManageDrafts}, in PostgreSQL, so
 * any node serves the next page) and answers with a 303 to the appointment page under the draft's
 * unguessable id; every page after it is a GET under that id, so Back, refresh and the language switch
 * never ask to resubmit a form. A change (cancel, move) is a POST under the draft, answered with a 303:
 * to a result page that needs the reference only and shows what the slip shows anyway, or back to the
 * page it came from with the reason in the address as a short key. Every page asks the database for
 * the appointment again. Typing a pair (the look-up) and every change count towards the look-up rate
 * limits; opening a page of a draft does not, as it guesses nothing.
 */
@Controller
class SelfServicePages {

    static final String PATH = "/appointments/manage";
    private static final int MAX_INPUT = 100;
    /** What a redirect may ask the appointment page to say, by its key in the address. */
    private static final Set<String> NOTICES = Set.of("pending", "notActive", "passed", "blocked");
    /** What a redirect may ask the slots page to say at the slots. */
    private static final Set<String> SLOT_ERRORS = Set.of("required", "full", "notBookable", "same");
    /** A refused proof of work comes back to the slots page as this error, with the problem's code. */
    private static final String CHALLENGE_ERROR = "challenge";

    private final Booking booking;
    private final Availability availability;
    private final MessageSource messages;
    private final Clock clock;
    private final MonthCalendars calendars;
    private final Catalogue catalogue;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final Blocks blocks;
    private final ManageDrafts drafts;

    SelfServicePages(Booking booking, Availability availability, Catalogue catalogue,
            MessageSource messages, Clock clock, MonthCalendars calendars, RateLimits rateLimits, Challenges challenges, Blocks blocks,
            ManageDrafts drafts) {
        this.rateLimits = rateLimits;
        this.challenges = challenges;
        this.blocks = blocks;
        this.booking = booking;
        this.availability = availability;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
        this.calendars = calendars;
        this.drafts = drafts;
    }

    @GetMapping(PATH)
    String lookupForm(@RequestParam(required = false) String reference, @RequestParam(required = false) String notice,
            Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        if ("expired".equals(notice)) {
            model.addAttribute("notice", text("manage.notice.expired", locale));
        }
        return lookupPage(clip(reference), "", FormErrors.none(), false, model);
    }

    @PostMapping(PATH)
    Object lookup(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String documentNumber, Model model, Locale locale,
            HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        String ref = clip(reference);
        String document = clip(documentNumber);
        List<FormErrors.Entry> errors = new ArrayList<>();
        if (ref.isBlank()) {
            errors.add(new FormErrors.Entry("reference", text("manage.error.referenceRequired", locale)));
        }
        if (document.isBlank()) {
            errors.add(new FormErrors.Entry("documentNumber", text("manage.error.documentRequired", locale)));
        }
        if (!errors.isEmpty()) {
            return lookupPage(ref, document, new FormErrors(errors), false, model);
        }
        return booking.find(ref, document)
                .<Object>map(appointment -> seeOther(draftPath(drafts.open(appointment.reference(), document))))
                .orElseGet(() -> notFound(ref, document, model, locale));
    }

    @GetMapping(PATH + "/{draft}")
    Object appointment(@PathVariable UUID draft, @RequestParam(required = false) String notice, Model model,
            Locale locale, HttpServletResponse response) {
        noStore(response);
        return withDraft(draft, opened -> appointmentPage(opened, noticeText(notice, opened.appointment(), locale),
                model));
    }

    @GetMapping(PATH + "/{draft}/cancel")
    Object cancelQuestion(@PathVariable UUID draft, Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        return withDraft(draft, opened -> whenChangeable(opened, model, locale, a -> {
            addAppointment(a, model);
            return "booking/manage/cancel";
        }));
    }

    @PostMapping(PATH + "/{draft}/cancel")
    Object cancel(@PathVariable UUID draft, HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        Optional<ManageDrafts.Draft> found = drafts.use(draft);
        if (found.isEmpty()) {
            return lookUpAgain();
        }
        ManageDrafts.Draft d = found.get();
        rateLimits.check(LimitedAction.LOOKUP, request, d.documentNumber());
        try {
            Appointment cancelled = booking.cancel(d.reference(), d.documentNumber());
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/cancelled")
                    .queryParam("reference", cancelled.reference()).toUriString());
        } catch (ApiProblem problem) {
            return problemRedirect(problem, draft);
        }
    }

    @GetMapping(PATH + "/cancelled")
    String cancelled(@RequestParam String reference, Model model, HttpServletResponse response) {
        noStore(response);
        Appointment appointment = byReference(reference);
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", offering(appointment));
        return "booking/manage/cancelled";
    }

    /** The new date: a month calendar whose open days link to their slots. */
    @GetMapping(PATH + "/{draft}/reschedule")
    Object rescheduleDate(@PathVariable UUID draft,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model,
            Locale locale, HttpServletResponse response) {
        noStore(response);
        return withDraft(draft, opened -> whenMovable(opened, model, locale, a -> datePage(a, month, model, locale)));
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
                : CHALLENGE_ERROR.equals(error) && ChallengeErrors.CODES.contains(challenge)
                ? ChallengeErrors.of(new ApiProblem(HttpStatus.FORBIDDEN, challenge, wait == null ? 0 : wait),
                        messages, locale)
                : FormErrors.none();
        return withDraft(draft, opened -> whenMovable(opened, model, locale, a -> date == null
                ? datePage(a, null, model, locale)
                : slotsPage(a, date, start, errors, model, locale)));
    }

    @PostMapping(PATH + "/{draft}/reschedule")
    Object reschedule(@PathVariable UUID draft,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @RequestParam(required = false) String altcha, HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        Optional<ManageDrafts.Draft> found = drafts.use(draft);
        if (found.isEmpty()) {
            return lookUpAgain();
        }
        ManageDrafts.Draft d = found.get();
        rateLimits.check(LimitedAction.LOOKUP, request, d.documentNumber());
        if (date == null) {
            return seeOther(draftPath(draft) + "/reschedule");
        }
        if (start == null) {
            return seeOther(slotsPath(draft, date, null, "required"));
        }
        // A move takes a new place: the gates of a booking, as the page's OK to book passes them.
        rateLimits.check(LimitedAction.BOOKING, request, d.documentNumber());
        try {
            challenges.verifyOnPage(altcha, challengeSubject(d.reference()));
        } catch (ApiProblem problem) {
            if (!ChallengeErrors.CODES.contains(problem.code())) {
                throw problem;
            }
            Object[] arguments = problem.arguments();
            return seeOther(UriComponentsBuilder.fromUriString(slotsPath(draft, date, start, CHALLENGE_ERROR))
                    .queryParam("challenge", problem.code())
                    .queryParamIfPresent("wait", Optional.ofNullable(arguments.length > 0 ? arguments[0] : null))
                    .toUriString());
        }
        try {
            Appointment moved = booking.reschedule(d.reference(), d.documentNumber(), date, start);
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/rescheduled")
                    .queryParam("reference", moved.reference()).toUriString());
        } catch (ApiProblem problem) {
            String error = switch (problem.code()) {
                case "SLOT_FULL" -> "full";
                case "NOT_BOOKABLE" -> "notBookable";
                case "SAME_SLOT" -> "same";
                default -> null;
            };
            return error == null ? problemRedirect(problem, draft) : seeOther(slotsPath(draft, date, start, error));
        }
    }

    @GetMapping(PATH + "/rescheduled")
    String rescheduled(@RequestParam String reference, Model model, HttpServletResponse response) {
        noStore(response);
        Appointment appointment = byReference(reference);
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", offering(appointment));
        return "booking/manage/rescheduled";
    }

    private String lookupPage(String reference, String documentNumber, FormErrors errors, boolean pairWrong,
            Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("documentNumber", documentNumber);
        model.addAttribute("formErrors", errors);
        model.addAttribute("pairWrong", pairWrong);
        model.addAttribute("pageUrl", lookupUrl(reference));
        return "booking/manage/find";
    }

    /** The same message for a wrong reference and a wrong document number: neither is confirmed to a guesser. */
    private String notFound(String reference, String documentNumber, Model model, Locale locale) {
        return lookupPage(reference, documentNumber,
                FormErrors.one("reference", text("manage.error.notFound", locale)), true, model);
    }

    /**
     * What {@code page} makes of the draft's appointment; the look-up form (saying why) when the draft
     * has expired or its pair no longer opens an appointment.
     */
    private Object withDraft(UUID id, Function<DraftAppointment, String> page) {
        return drafts.use(id)
                .flatMap(d -> booking.find(d.reference(), d.documentNumber()).map(a -> new DraftAppointment(id, a)))
                .<Object>map(page)
                .orElseGet(this::lookUpAgain);
    }

    /** An appointment opened through a draft: its pages' links carry the draft's id. */
    private record DraftAppointment(UUID draft, Appointment appointment) {
    }

    private RedirectView lookUpAgain() {
        return seeOther(PATH + "?notice=expired");
    }

    private String appointmentPage(DraftAppointment opened, String notice, Model model) {
        Appointment appointment = opened.appointment();
        addAppointment(opened, model);
        model.addAttribute("notice", notice);
        model.addAttribute("changeable", appointment.confirmed() && upcoming(appointment));
        model.addAttribute("confirmUrl", appointment.status() == AppointmentStatus.PENDING
                ? BookingPages.confirmation(appointment.reference()) : null);
        return "booking/manage/appointment";
    }

    private void addAppointment(DraftAppointment opened, Model model) {
        Appointment appointment = opened.appointment();
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", offering(appointment));
        model.addAttribute("draftUrl", draftPath(opened.draft()));
    }

    private String datePage(DraftAppointment opened, YearMonth month, Model model, Locale locale) {
        Appointment appointment = opened.appointment();
        addAppointment(opened, model);
        model.addAttribute("calendar", calendars.of(offering(appointment),
                month != null ? month : YearMonth.from(appointment.date()), locale));
        model.addAttribute("weekdays", MonthCalendar.weekdays(locale));
        return "booking/manage/date";
    }

    private String slotsPage(DraftAppointment opened, LocalDate date, LocalTime selected, FormErrors errors,
            Model model, Locale locale) {
        Appointment appointment = opened.appointment();
        DayAvailability day = availability.day(appointment.branchCode(), appointment.serviceCode(), date);
        boolean sameDay = date.equals(appointment.date());
        List<Choice> choices = SlotChoices.of(
                availability.slots(appointment.branchCode(), appointment.serviceCode(), date),
                date.equals(appointment.date()) ? appointment.start() : null, text("manage.slots.current", locale),
                messages, locale);
        addAppointment(opened, model);
        model.addAttribute("challengeSubject", challengeSubject(appointment.reference()));
        model.addAttribute("day", day);
        model.addAttribute("reason", day.reason() == null ? null : day.reason().in(locale));
        model.addAttribute("choices", choices);
        model.addAttribute("anyFree", choices.stream().anyMatch(c -> !c.disabled()));
        model.addAttribute("selected", selected == null ? null : selected.toString());
        model.addAttribute("formErrors", errors);
        return "booking/manage/slots";
    }

    /** The page {@code next} makes of the appointment while it can still be changed; otherwise its page saying why not. */
    private String whenChangeable(DraftAppointment opened, Model model, Locale locale,
            Function<DraftAppointment, String> next) {
        String refusal = refusal(opened.appointment());
        if (refusal != null) {
            return appointmentPage(opened, text("manage.notice." + refusal, locale), model);
        }
        return next.apply(opened);
    }

    /**
     * As {@link #whenChangeable}, for a move: a blocked applicant (whose move would take a new place) is
     * told why on the appointment page before choosing a date, not after.
     */
    private String whenMovable(DraftAppointment opened, Model model, Locale locale,
            Function<DraftAppointment, String> next) {
        return whenChangeable(opened, model, locale, a -> blockedText(a.appointment(), locale)
                .map(blocked -> appointmentPage(a, blocked, model))
                .orElseGet(() -> next.apply(a)));
    }

    /** A refusal of the booking rules: back to the appointment page, which says it in plain words. */
    private RedirectView problemRedirect(ApiProblem problem, UUID draft) {
        String notice = switch (problem.code()) {
            case "APPOINTMENT_NOT_FOUND" -> null;
            case "APPOINTMENT_NOT_ACTIVE" -> "notActive";
            case "APPOINTMENT_NOT_CONFIRMED" -> "pending";
            case "APPOINTMENT_PASSED" -> "passed";
            case "APPLICANT_BLOCKED" -> "blocked";
            default -> throw problem;
        };
        return notice == null ? lookUpAgain() : seeOther(draftPath(draft) + "?notice=" + notice);
    }

    /**
     * The appointment page's notice for a key a redirect put in the address, said as things stand now (a
     * block lifted meanwhile is not announced); null for none or an unknown key.
     */
    private String noticeText(String key, Appointment appointment, Locale locale) {
        if (key == null || !NOTICES.contains(key)) {
            return null;
        }
        if ("blocked".equals(key)) {
            return blockedText(appointment, locale).orElse(null);
        }
        return text("manage.notice." + key, locale);
    }

    /** Why a blocked applicant may not move: the reason and the block's last day, as the API's detail says. */
    private Optional<String> blockedText(Appointment appointment, Locale locale) {
        Applicant applicant = appointment.applicant();
        return blocks.refusalOf(applicant.documentType().name(), applicant.documentNumber(), applicant.email())
                .map(blocked -> messages.getMessage("problem.APPLICANT_BLOCKED.detail", blocked.arguments(), locale));
    }

    /** The notice key of why this appointment can no longer be cancelled or moved, or null when it can. */
    private String refusal(Appointment appointment) {
        if (appointment.status() == AppointmentStatus.PENDING) {
            return "pending";
        }
        if (!appointment.active()) {
            return "notActive";
        }
        if (!upcoming(appointment)) {
            return "passed";
        }
        return null;
    }

    private boolean upcoming(Appointment appointment) {
        return appointment.date().atTime(appointment.start()).isAfter(LocalDateTime.now(clock));
    }

    private Appointment byReference(String reference) {
        return booking.findByReference(clip(reference))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    private Offering offering(Appointment appointment) {
        return catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode());
    }

    /** A move's no-JavaScript pass belongs to the appointment: one at a time. */
    private static String challengeSubject(String reference) {
        return "move:" + reference;
    }

    private FormErrors slotError(String key, Locale locale) {
        return FormErrors.one("start", text(key, locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String draftPath(UUID draft) {
        return PATH + "/" + draft;
    }

    private static String slotsPath(UUID draft, LocalDate date, LocalTime start, String error) {
        return UriComponentsBuilder.fromPath(draftPath(draft) + "/reschedule/slots").queryParam("date", date)
                .queryParamIfPresent("start", Optional.ofNullable(start)).queryParam("error", error).toUriString();
    }

    private static String lookupUrl(String reference) {
        return reference == null || reference.isBlank() ? PATH
                : UriComponentsBuilder.fromPath(PATH).queryParam("reference", reference).toUriString();
    }

    /** What was typed, trimmed, and no longer than any reference or document number can be. */
    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() > MAX_INPUT ? trimmed.substring(0, MAX_INPUT) : trimmed;
    }

    /** These pages show personal data: no cache on the way keeps them. */
}
