package my.gov.temujanji.selfservice;

import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingGroup;
import my.gov.temujanji.booking.BookingPages;
import my.gov.temujanji.booking.ChangeOutcome;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Offering;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page of the manage flow shares: the draft's appointment opened again from the database,
 * its page (with why it can no longer be changed), and the way back to the look-up.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ManagedAppointments {

    static final String PATH = "/appointments/manage";

    private final Booking booking;
    private final MessageSource messages;
    private final Clock clock;
    private final Catalogue catalogue;
    private final Blocks blocks;
    private final ManageDrafts drafts;
    private final RateLimits rateLimits;
    private final GroupBooking groups;

    private static final int MAX_INPUT = 100;

    /** What a redirect may ask the appointment page to say, by its key in the address. */
    private static final Set<String> NOTICES = Set.of("pending", "notActive", "passed", "blocked");

    /** The appointment page's notice (its key in the address) for each refusal of the appointment itself. */
    private static final Map<Class<? extends ChangeOutcome.Refusal>, String> REFUSAL_NOTICES = Map.of(
            ChangeOutcome.NotActive.class, "notActive",
            ChangeOutcome.NotConfirmed.class, "pending",
            ChangeOutcome.Passed.class, "passed",
            ChangeOutcome.Blocked.class, "blocked");

    /**
     * What {@code page} makes of the draft's appointment; the look-up form (saying why) when the draft
     * has expired or its pair no longer opens an appointment.
     */
    Object withDraft(UUID id, Function<Opened, String> page) {
        return drafts.use(id)
                .flatMap(d -> booking.find(d.reference(), d.documentNumber()).map(a -> new Opened(id, a)))
                .<Object>map(page)
                .orElseGet(this::lookUpAgain);
    }

    /** An appointment opened through a draft: its pages' links carry the draft's id. */
    record Opened(UUID draft, Appointment appointment) {
    }

    /** The draft a change (cancel, move) is made under, counted under the look-up limits; empty once expired. */
    Optional<ManageDrafts.Draft> useForChange(UUID id, HttpServletRequest request) {
        Optional<ManageDrafts.Draft> found = drafts.use(id);
        found.ifPresent(d -> rateLimits.check(LimitedAction.LOOKUP, request, d.documentNumber()));
        return found;
    }

    /** A change made under the draft ({@link #useForChange}); the look-up again once the draft expired. */
    Object changing(UUID id, HttpServletRequest request, Function<ManageDrafts.Draft, Object> change) {
        return useForChange(id, request).map(change).orElseGet(this::lookUpAgain);
    }

    RedirectView lookUpAgain() {
        return seeOther(PATH + "?notice=expired");
    }

    String appointmentPage(Opened opened, String notice, Model model) {
        Appointment appointment = opened.appointment();
        addAppointment(opened, model);
        model.addAttribute("notice", notice);
        model.addAttribute("changeable", appointment.confirmed() && upcoming(appointment));
        model.addAttribute("confirmUrl", appointment.status() == AppointmentStatus.PENDING
                ? BookingPages.confirmation(appointment.reference()) : null);
        return "booking/manage/appointment";
    }

    void addAppointment(Opened opened, Model model) {
        Appointment appointment = opened.appointment();
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", offering(appointment));
        model.addAttribute("draftUrl", draftPath(opened.draft()));
        // The applicant of a group booking sees everyone in it, and may cancel or move them together.
        BookingGroup group = groups.groupOf(appointment.reference())
                .filter(g -> g.applicant().reference().equals(appointment.reference())).orElse(null);
        model.addAttribute("group", group);
        model.addAttribute("groupPeople", group == null ? List.of() : group.appointments().stream()
                .map(a -> new GroupPerson(a.applicant().fullName(), a.start() + "–" + a.end(), a.status().name(),
                        Reference.display(a.reference())))
                .toList());
    }

    /**
     * How many people a move of this appointment takes along: everyone of the group who holds a place when
     * it is the applicant's of a group booking (they move together, all or none), otherwise one.
     */
    int movingTogether(Appointment appointment) {
        return groups.groupOf(appointment.reference())
                .filter(g -> g.applicant().reference().equals(appointment.reference()))
                .map(g -> Math.max(1, g.active().size())).orElse(1);
    }

    /** One person of the applicant's group, as their appointment page lists them. */
    record GroupPerson(String name, String time, String status, String reference) {
    }

    /** The page {@code next} makes of the appointment while it can still be changed; otherwise its page saying why not. */
    String whenChangeable(Opened opened, Model model, Locale locale,
            Function<Opened, String> next) {
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
    String whenMovable(Opened opened, Model model, Locale locale,
            Function<Opened, String> next) {
        return whenChangeable(opened, model, locale, a -> blockedText(a.appointment(), locale)
                .map(blocked -> appointmentPage(a, blocked, model))
                .orElseGet(() -> next.apply(a)));
    }

    /**
     * A refusal of the appointment itself: back to the appointment page, which says it in plain words
     * (to the look-up when it is gone). A move's refusals of its new slot are the slots page's.
     */
    RedirectView refusalRedirect(ChangeOutcome.Refusal refusal, UUID draft) {
        if (refusal instanceof ChangeOutcome.NotFound) {
            return lookUpAgain();
        }
        String notice = REFUSAL_NOTICES.get(refusal.getClass());
        if (notice == null) {
            throw new IllegalArgumentException("Not a refusal of the appointment: " + refusal);
        }
        return seeOther(draftPath(draft) + "?notice=" + notice);
    }

    /**
     * The appointment page's notice for a key a redirect put in the address, said as things stand now (a
     * block lifted meanwhile is not announced); null for none or an unknown key.
     */
    String noticeText(String key, Appointment appointment, Locale locale) {
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

    boolean upcoming(Appointment appointment) {
        return appointment.date().atTime(appointment.start()).isAfter(LocalDateTime.now(clock));
    }

    Appointment byReference(String reference) {
        return booking.findByReference(clip(reference))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    Offering offering(Appointment appointment) {
        return catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode());
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    static String draftPath(UUID draft) {
        return PATH + "/" + draft;
    }

    /** What was typed, trimmed, and no longer than any reference or document number can be. */
    static String clip(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() > MAX_INPUT ? trimmed.substring(0, MAX_INPUT) : trimmed;
    }
}
