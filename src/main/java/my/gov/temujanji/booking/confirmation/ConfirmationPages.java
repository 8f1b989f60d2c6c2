package my.gov.temujanji.booking.confirmation;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.AppointmentStatus;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingPages;
import my.gov.temujanji.booking.Reference;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Check your e-mail": after SUBMIT, a booking that needs its e-mailed code waits on this one-question
 * page until the applicant enters it, then the slip follows. The link in the e-mail opens this page
 * with the code filled in: only the POST confirms, so a mail scanner following the link changes
 * nothing. The reference in the address is the capability, as for the slip.
 */
@Controller
@RequiredArgsConstructor
class ConfirmationPages {

    /**
     * The key in the address, and of the message ({@code confirmCode.error.KEY}), of each refusal the page
     * says; an appointment gone meanwhile has no words, and the page shows the question again.
     */
    private static final Map<Class<? extends CodeOutcome.Refusal>, String> ERROR_KEYS = Map.of(
            CodeOutcome.CodeInvalid.class, "CONFIRMATION_CODE_INVALID",
            CodeOutcome.CodeWrong.class, "CONFIRMATION_CODE_WRONG",
            CodeOutcome.TriesUsed.class, "CONFIRMATION_TRIES_USED",
            CodeOutcome.ResendLimit.class, "CONFIRMATION_RESEND_LIMIT",
            CodeOutcome.Expired.class, "CONFIRMATION_EXPIRED",
            CodeOutcome.NotActive.class, "APPOINTMENT_NOT_ACTIVE",
            CodeOutcome.NotFound.class, "APPOINTMENT_NOT_FOUND");

    private final Booking booking;
    private final Confirmations confirmations;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping("/book/appointments/{reference}/confirm")
    Object question(@PathVariable String reference, @RequestParam(required = false) String code,
            @RequestParam(required = false) String sent, @RequestParam(required = false) String error,
            @RequestParam(required = false) Integer tries, Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        Appointment appointment = appointment(reference);
        if (appointment.confirmed()) {
            return seeOther("/slip/" + appointment.reference());
        }
        if ("again".equals(sent)) {
            model.addAttribute("notice", messages.getMessage("confirmCode.resent", null, locale));
        }
        // A refused code redirects here (POST/redirect/GET) with the reason's key; unknown keys show nothing.
        String text = error == null || !error.matches("[A-Za-z_]{1,40}") ? null : messages.getMessage("confirmCode.error." + error,
                new Object[] {tries == null ? 0 : Math.max(0, tries)}, null, locale);
        return page(appointment, code == null ? "" : clip(code),
                text == null ? FormErrors.none() : FormErrors.one("code", text), model);
    }

    /** The code page's form: the six digits as typed. */
    record CodeForm(@NotBlank String code) {
    }

    @PostMapping("/book/appointments/{reference}/confirm")
    RedirectView confirm(@PathVariable String reference, @Valid @ModelAttribute CodeForm form, BindingResult binding,
            HttpServletResponse response) {
        noStore(response);
        Appointment appointment = appointment(reference);
        String typed = clip(form.code());
        if (binding.hasErrors()) {
            return refused(appointment, typed, "required", null);
        }
        CodeOutcome outcome = confirmations.confirm(appointment.reference(), typed);
        if (outcome instanceof CodeOutcome.Refusal refusal) {
            return refused(appointment, typed, refusal);
        }
        return seeOther("/slip/" + appointment.reference());
    }

    /** A new code, when the first did not arrive or too many wrong ones were typed; sends are limited. */
    @PostMapping("/book/appointments/{reference}/confirm/resend")
    RedirectView resend(@PathVariable String reference, HttpServletResponse response) {
        noStore(response);
        Appointment appointment = appointment(reference);
        CodeOutcome outcome = confirmations.resendCode(appointment.reference());
        if (outcome instanceof CodeOutcome.Refusal refusal) {
            return refused(appointment, "", refusal);
        }
        return seeOther(BookingPages.confirmation(appointment.reference()) + "?sent=again");
    }

    /** A refused code or send: to the slip when it is confirmed already, otherwise back to the code page. */
    private RedirectView refused(Appointment appointment, String typed, CodeOutcome.Refusal refusal) {
        if (refusal instanceof CodeOutcome.AlreadyConfirmed) {
            return seeOther("/slip/" + appointment.reference());
        }
        Integer tries = refusal instanceof CodeOutcome.CodeWrong wrong ? wrong.triesLeft() : null;
        return refused(appointment, typed, ERROR_KEYS.get(refusal.getClass()), tries);
    }

    /**
     * Back to the code page with why (POST/redirect/GET: refresh and Back never resend the form), what
     * was typed (a code that did not confirm) and the tries left when the reason says them.
     */
    private RedirectView refused(Appointment appointment, String typed, String error, Integer tries) {
        return seeOther(UriComponentsBuilder.fromPath(BookingPages.confirmation(appointment.reference())).queryParam("error", error)
                .queryParamIfPresent("code", Optional.of(typed).filter(t -> !t.isEmpty()))
                .queryParamIfPresent("tries", Optional.ofNullable(tries))
                .encode().toUriString());
    }

    private String page(Appointment appointment, String typed, FormErrors errors, Model model) {
        model.addAttribute("appointment", appointment);
        model.addAttribute("reference", Reference.display(appointment.reference()));
        model.addAttribute("offering", catalogue.requireOffering(appointment.branchCode(), appointment.serviceCode()));
        model.addAttribute("email", appointment.applicant().email());
        model.addAttribute("code", typed);
        model.addAttribute("formErrors", errors);
        model.addAttribute("waiting", appointment.status() == AppointmentStatus.PENDING);
        model.addAttribute("deadline", confirmations.deadline(appointment.reference())
                .map(d -> LocalTime.ofInstant(d, clock.getZone()).withSecond(0).withNano(0)).orElse(null));
        model.addAttribute("pageUrl", BookingPages.confirmation(appointment.reference()));
        return "booking/confirm-code";
    }

    private Appointment appointment(String reference) {
        return booking.findByReference(clip(reference))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "APPOINTMENT_NOT_FOUND"));
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() > 20 ? trimmed.substring(0, 20) : trimmed;
    }
}
