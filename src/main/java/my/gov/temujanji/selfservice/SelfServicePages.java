package my.gov.temujanji.selfservice;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;
import static my.gov.temujanji.selfservice.ManagedAppointments.PATH;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.ChangeOutcome;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
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
@RequiredArgsConstructor
class SelfServicePages {

    private final Booking booking;
    private final RateLimits rateLimits;
    private final ManageDrafts drafts;
    private final ManagedAppointments managed;
    private final MessageSource messages;

    @GetMapping(PATH)
    String lookupForm(@RequestParam(required = false) String reference, @RequestParam(required = false) String notice,
            Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        if ("expired".equals(notice)) {
            model.addAttribute("notice", managed.text("manage.notice.expired", locale));
        }
        return lookupPage(ManagedAppointments.clip(reference), "", FormErrors.none(), false, model);
    }

    /** The look-up form: the pair that opens an appointment. */
    record LookupForm(@NotBlank(message = "{manage.error.referenceRequired}") String reference,
            @NotBlank(message = "{manage.error.documentRequired}") String documentNumber) {
    }

    @PostMapping(PATH)
    Object lookup(@Valid @ModelAttribute LookupForm form, BindingResult binding, Model model, Locale locale,
            HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        rateLimits.check(LimitedAction.LOOKUP, request, form.documentNumber());
        String ref = ManagedAppointments.clip(form.reference());
        String document = ManagedAppointments.clip(form.documentNumber());
        if (binding.hasErrors()) {
            return lookupPage(ref, document, FormErrors.of(binding, messages, locale, List.of("reference", "documentNumber")),
                    false, model);
        }
        return booking.find(ref, document)
                .<Object>map(appointment -> seeOther(ManagedAppointments.draftPath(drafts.open(appointment.reference(), document))))
                .orElseGet(() -> notFound(ref, document, model, locale));
    }

    @GetMapping(PATH + "/{draft}")
    Object appointment(@PathVariable UUID draft, @RequestParam(required = false) String notice, Model model,
            Locale locale, HttpServletResponse response) {
        noStore(response);
        return managed.withDraft(draft, opened -> managed.appointmentPage(opened, managed.noticeText(notice, opened.appointment(), locale),
                model));
    }

    @GetMapping(PATH + "/{draft}/cancel")
    Object cancelQuestion(@PathVariable UUID draft, Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        return managed.withDraft(draft, opened -> managed.whenChangeable(opened, model, locale, a -> {
            managed.addAppointment(a, model);
            return "booking/manage/cancel";
        }));
    }

    @PostMapping(PATH + "/{draft}/cancel")
    Object cancel(@PathVariable UUID draft, HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        return managed.changing(draft, request, d -> {
            ChangeOutcome outcome = booking.cancel(d.reference(), d.documentNumber());
            if (outcome instanceof ChangeOutcome.Refusal refusal) {
                return managed.refusalRedirect(refusal, draft);
            }
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/cancelled")
                    .queryParam("reference", ((ChangeOutcome.Changed) outcome).appointment().reference()).toUriString());
        });
    }

    @GetMapping(PATH + "/cancelled")
    String cancelled(@RequestParam String reference, Model model, HttpServletResponse response) {
        return resultPage("booking/manage/cancelled", reference, model, response);
    }

    @GetMapping(PATH + "/rescheduled")
    String rescheduled(@RequestParam String reference, Model model, HttpServletResponse response) {
        return resultPage("booking/manage/rescheduled", reference, model, response);
    }

    /** After a change: what the slip shows anyway, found by the reference alone. */
    private String resultPage(String view, String reference, Model model, HttpServletResponse response) {
        noStore(response);
        Appointment appointment = managed.byReference(reference);
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", managed.offering(appointment));
        return view;
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
                FormErrors.one("reference", managed.text("manage.error.notFound", locale)), true, model);
    }

    private static String lookupUrl(String reference) {
        return reference == null || reference.isBlank() ? PATH
                : UriComponentsBuilder.fromPath(PATH).queryParam("reference", reference).toUriString();
    }

    /** These pages show personal data: no cache on the way keeps them. */
}
