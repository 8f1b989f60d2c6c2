package my.gov.temujanji.booking;

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
import java.util.function.Function;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.DayAvailability;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Semak, batal atau tukar temujanji: the applicant finds their appointment with its reference and
 * document number, then cancels it or moves it to another slot.
 *
 * <p>Nothing is kept on the server between pages (nodes share only PostgreSQL), and the document
 * number never goes into an address (addresses end up in logs): every page after the look-up is the
 * answer to a POST whose form carries the reference and the document number as hidden fields, and
 * checks the pair again. Links only open pages; a change (cancel, move) is a POST, answered with a
 * 303 to a result page that needs the reference only and shows what the slip shows anyway. Every POST
 * checks the pair again, so every one counts towards the look-up rate limits.
 */
@Controller
class SelfServicePages {

    static final String PATH = "/appointments/manage";
    private static final int MAX_INPUT = 100;

    private final Booking booking;
    private final Availability availability;
    private final MessageSource messages;
    private final Clock clock;
    private final Catalogue catalogue;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final Blocks blocks;

    SelfServicePages(Booking booking, Availability availability, Catalogue catalogue,
            MessageSource messages, Clock clock, RateLimits rateLimits, Challenges challenges, Blocks blocks) {
        this.rateLimits = rateLimits;
        this.challenges = challenges;
        this.blocks = blocks;
        this.booking = booking;
        this.availability = availability;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String lookupForm(@RequestParam(required = false) String reference, Model model, HttpServletResponse response) {
        noStore(response);
        return lookupPage(clip(reference), "", FormErrors.none(), false, model);
    }

    @PostMapping(PATH)
    String lookup(@RequestParam(required = false) String reference,
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
                .map(appointment -> appointmentPage(appointment, document, null, model))
                .orElseGet(() -> notFound(ref, document, model, locale));
    }

    @PostMapping(PATH + "/cancel")
    String cancelQuestion(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String documentNumber, Model model, Locale locale,
            HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        return whenChangeable(reference, documentNumber, model, locale, appointment -> {
            addAppointment(appointment, documentNumber, model);
            return "booking/manage/cancel";
        });
    }

    @PostMapping(PATH + "/cancel/confirm")
    Object cancel(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String documentNumber, Model model, Locale locale,
            HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        try {
            Appointment cancelled = booking.cancel(clip(reference), clip(documentNumber));
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/cancelled")
                    .queryParam("reference", cancelled.reference()).toUriString());
        } catch (ApiProblem problem) {
            return problemPage(problem, reference, documentNumber, model, locale);
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

    /** The new date: a month calendar whose open days are submit buttons of one POST form. */
    @PostMapping(PATH + "/reschedule")
    String rescheduleDate(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model,
            Locale locale, HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        return whenMovable(reference, documentNumber, model, locale,
                appointment -> datePage(appointment, documentNumber, month, model, locale));
    }

    @PostMapping(PATH + "/reschedule/slots")
    String rescheduleSlots(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model,
            Locale locale, HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        return whenMovable(reference, documentNumber, model, locale, appointment -> date == null
                ? datePage(appointment, documentNumber, null, model, locale)
                : slotsPage(appointment, documentNumber, date, null, FormErrors.none(), model, locale));
    }

    @PostMapping(PATH + "/reschedule/confirm")
    Object reschedule(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime start,
            @RequestParam(required = false) String altcha, Model model, Locale locale, HttpServletResponse response,
            HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, documentNumber);
        Appointment appointment = owned(reference, documentNumber);
        if (appointment == null) {
            return notFound(clip(reference), "", model, locale);
        }
        if (date == null) {
            return datePage(appointment, documentNumber, null, model, locale);
        }
        if (start == null) {
            return slotsPage(appointment, documentNumber, date, null, slotError("manage.slots.error.required", locale),
                    model, locale);
        }
        // A move takes a new place: the gates of a booking, as the page's OK to book passes them.
        rateLimits.check(LimitedAction.BOOKING, request, documentNumber);
        try {
            challenges.verifyOnPage(altcha, challengeSubject(appointment));
        } catch (ApiProblem problem) {
            return new ModelAndView(slotsPage(appointment, documentNumber, date, start,
                    HoldPages.challengeError(problem, messages, locale), model, locale), model.asMap(), problem.status());
        }
        try {
            Appointment moved = booking.reschedule(appointment.reference(), clip(documentNumber), date, start);
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/rescheduled")
                    .queryParam("reference", moved.reference()).toUriString());
        } catch (ApiProblem problem) {
            String key = switch (problem.code()) {
                case "SLOT_FULL" -> "manage.slots.error.full";
                case "NOT_BOOKABLE" -> "manage.slots.error.notBookable";
                case "SAME_SLOT" -> "manage.slots.error.same";
                default -> null;
            };
            if (key == null) {
                return problemPage(problem, reference, documentNumber, model, locale);
            }
            return slotsPage(appointment, documentNumber, date, start, slotError(key, locale), model, locale);
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

    private String appointmentPage(Appointment appointment, String documentNumber, String notice, Model model) {
        addAppointment(appointment, documentNumber, model);
        model.addAttribute("notice", notice);
        model.addAttribute("changeable", appointment.confirmed() && upcoming(appointment));
        model.addAttribute("confirmUrl", appointment.status() == AppointmentStatus.PENDING
                ? ConfirmationPages.path(appointment.reference()) : null);
        return "booking/manage/appointment";
    }

    private void addAppointment(Appointment appointment, String documentNumber, Model model) {
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", offering(appointment));
        model.addAttribute("documentNumber", clip(documentNumber));
        model.addAttribute("pageUrl", lookupUrl(appointment.reference()));
    }

    private String datePage(Appointment appointment, String documentNumber, YearMonth month, Model model,
            Locale locale) {
        Offering offering = offering(appointment);
        TransactionType type = offering.type();
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today.plusDays(type.leadDays()));
        YearMonth last = YearMonth.from(today.plusMonths(type.windowMonths()));
        YearMonth wanted = month != null ? month : YearMonth.from(appointment.date());
        YearMonth shown = wanted.isBefore(first) ? first : wanted.isAfter(last) ? last : wanted;
        List<DayAvailability> days = availability.days(appointment.branchCode(), appointment.serviceCode(),
                shown.atDay(1), shown.atEndOfMonth());
        addAppointment(appointment, documentNumber, model);
        model.addAttribute("calendar", MonthCalendar.of(shown, days, first, last, locale));
        model.addAttribute("weekdays", MonthCalendar.weekdays(locale));
        return "booking/manage/date";
    }

    private String slotsPage(Appointment appointment, String documentNumber, LocalDate date, LocalTime selected,
            FormErrors errors, Model model, Locale locale) {
        DayAvailability day = availability.day(appointment.branchCode(), appointment.serviceCode(), date);
        boolean sameDay = date.equals(appointment.date());
        List<Choice> choices = availability.slots(appointment.branchCode(), appointment.serviceCode(), date).stream()
                .map(s -> {
                    boolean current = sameDay && s.start().equals(appointment.start());
                    String hint = current ? text("manage.slots.current", locale)
                            : s.full() ? text("slots.full", locale)
                            : messages.getMessage("slots.placesLeft", new Object[] {s.placesLeft()}, locale);
                    return new Choice(s.start().toString(), s.start() + " – " + s.end(), hint, current || s.full());
                })
                .toList();
        addAppointment(appointment, documentNumber, model);
        model.addAttribute("challengeSubject", challengeSubject(appointment));
        model.addAttribute("day", day);
        model.addAttribute("reason", day.reason() == null ? null : day.reason().in(locale));
        model.addAttribute("choices", choices);
        model.addAttribute("anyFree", choices.stream().anyMatch(c -> !c.disabled()));
        model.addAttribute("selected", selected == null ? null : selected.toString());
        model.addAttribute("formErrors", errors);
        return "booking/manage/slots";
    }

    /** A move's no-JavaScript pass belongs to the appointment: one at a time. */
    private static String challengeSubject(Appointment appointment) {
        return "move:" + appointment.reference();
    }

    /**
     * The page {@code next} makes of the appointment this pair opens, when it can still be changed;
     * otherwise the look-up form again, or the appointment page saying why it cannot.
     */
    private String whenChangeable(String reference, String documentNumber, Model model, Locale locale,
            Function<Appointment, String> next) {
        Appointment appointment = owned(reference, documentNumber);
        if (appointment == null) {
            return notFound(clip(reference), "", model, locale);
        }
        String refusal = refusal(appointment, locale);
        if (refusal != null) {
            return appointmentPage(appointment, documentNumber, refusal, model);
        }
        return next.apply(appointment);
    }

    /**
     * As {@link #whenChangeable}, for a move: a blocked applicant (whose move would take a new place) is
     * told why on the appointment page before choosing a date, not after.
     */
    private String whenMovable(String reference, String documentNumber, Model model, Locale locale,
            Function<Appointment, String> next) {
        return whenChangeable(reference, documentNumber, model, locale, appointment -> blocks.refusalOf(
                        appointment.applicant().documentType().name(), appointment.applicant().documentNumber(),
                        appointment.applicant().email())
                .map(blocked -> appointmentPage(appointment, documentNumber, blockedText(blocked, locale), model))
                .orElseGet(() -> next.apply(appointment)));
    }

    /** A refusal of the booking rules, shown on the appointment page in plain words. */
    private Object problemPage(ApiProblem problem, String reference, String documentNumber, Model model,
            Locale locale) {
        if ("APPOINTMENT_NOT_FOUND".equals(problem.code())) {
            return notFound(clip(reference), "", model, locale);
        }
        Appointment appointment = owned(reference, documentNumber);
        if (appointment == null) {
            return notFound(clip(reference), "", model, locale);
        }
        String notice = switch (problem.code()) {
            case "APPOINTMENT_NOT_ACTIVE" -> text("manage.notice.notActive", locale);
            case "APPOINTMENT_NOT_CONFIRMED" -> text("manage.notice.pending", locale);
            case "APPOINTMENT_PASSED" -> text("manage.notice.passed", locale);
            case "APPLICANT_BLOCKED" -> blockedText(problem, locale);
            default -> throw problem;
        };
        return appointmentPage(appointment, documentNumber, notice, model);
    }

    /** Why a blocked applicant may not move: the reason and the block's last day, as the API's detail says. */
    private String blockedText(ApiProblem blocked, Locale locale) {
        return messages.getMessage("problem.APPLICANT_BLOCKED.detail", blocked.arguments(), locale);
    }

    /** Why this appointment can no longer be cancelled or moved, or null when it can. */
    private String refusal(Appointment appointment, Locale locale) {
        if (appointment.status() == AppointmentStatus.PENDING) {
            return text("manage.notice.pending", locale);
        }
        if (!appointment.active()) {
            return text("manage.notice.notActive", locale);
        }
        if (!upcoming(appointment)) {
            return text("manage.notice.passed", locale);
        }
        return null;
    }

    private boolean upcoming(Appointment appointment) {
        return appointment.date().atTime(appointment.start()).isAfter(LocalDateTime.now(clock));
    }

    /** The appointment, when the pair is right; null otherwise. */
    private Appointment owned(String reference, String documentNumber) {
        String ref = clip(reference);
        String document = clip(documentNumber);
        if (ref.isBlank() || document.isBlank()) {
            return null;
        }
        return booking.find(ref, document).orElse(null);
    }

    private Appointment byReference(String reference) {
        return booking.findByReference(clip(reference))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    private Offering offering(Appointment appointment) {
        return catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode());
    }

    private FormErrors slotError(String key, Locale locale) {
        return FormErrors.one("start", text(key, locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
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
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }

    private static RedirectView seeOther(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }
}
