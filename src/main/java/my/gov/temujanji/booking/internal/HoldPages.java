package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * From a hold ({@link SlotPages}) to the review: the applicant's details, kept on the hold as typed and
 * checked; {@link ConfirmPages} follows. Only the POSTs change anything; each answers with a 303.
 */
@Controller
@RequiredArgsConstructor
class HoldPages {

    private final HoldViews views;
    private final Holds holds;
    private final ApplicantValidation validation;
    private final Validator validator;
    private final MessageSource messages;
    private final RateLimits rateLimits;
    private final Blocks blocks;

    @ExceptionHandler(HoldViews.HoldBooked.class)
    RedirectView toSlip(HoldViews.HoldBooked booked) {
        return HoldViews.booked(booked.appointment);
    }

    /**
     * With {@code check}: the saved draft's errors, where a POST with errors has redirected to. Every hold
     * page carries {@code people}, the group size chosen before the hold ({@link GroupSizes#carry}).
     */
    @GetMapping("/book/holds/{id}/details")
    String details(@PathVariable UUID id, @RequestParam(required = false) String check,
            @RequestParam(required = false) Integer people, Model model, Locale locale) {
        Hold hold = views.requireHold(id);
        ApplicantInput input = hold.draft() == null ? ApplicantInput.empty() : hold.draft();
        FormErrors errors = check == null ? FormErrors.none() : savedDraftErrors(input, locale);
        GroupSizes.carry(people, model);
        return views.detailsPage(hold, input, errors, model, locale);
    }

    @PostMapping("/book/holds/{id}/details")
    Object saveDetails(@PathVariable UUID id, @Valid @ModelAttribute ApplicantInput input, BindingResult binding,
            @RequestParam(required = false) Integer people, Model model, Locale locale) {
        Hold hold = views.requireHold(id);
        Integer chosen = GroupSizes.carry(people, model);
        // Kept even when it has errors: the applicant's typing survives a hold that runs out meanwhile.
        holds.saveDraft(id, input);
        // A hold has no document number until now: the per-document hold limit counts here.
        rateLimits.checkDocument(LimitedAction.HOLD, input.documentNumber());
        if (binding.hasErrors()) {
            // POST/redirect/GET: the errors are worked out again from the saved draft, so refresh and Back
            // never ask to send the form again.
            return seeOther(UriComponentsBuilder.fromPath("/book/holds/" + id + "/details").queryParam("check")
                    .queryParamIfPresent("people", GroupSizes.chosen(chosen)).toUriString());
        }
        // Told now, before the review and the challenge, with what they typed still on the page; the
        // booking transaction decides again. Neutral: nothing says which detail, why or until when.
        try {
            Applicant applicant = validation.validate(input).applicant();
            blocks.refuseNewBooking(applicant.documentType().name(), applicant.documentNumber(), applicant.email());
        } catch (ApiProblem blocked) {
            return new ModelAndView(views.detailsPage(hold, input, views.refusedError(locale), model, locale), model.asMap(),
                    blocked.status());
        }
        return seeOther("/book/holds/" + id + "/review" + GroupSizes.carried(chosen));
    }

    /**
     * The language switch of the details page: what was typed is kept on the hold as it is (nothing
     * checked, nothing counted), then the same page follows in the chosen language.
     */
    @PostMapping("/book/holds/{id}/details/draft")
    RedirectView saveDraftAndSwitch(@PathVariable UUID id, @ModelAttribute ApplicantInput input,
            @RequestParam(required = false) String lang, @RequestParam(required = false) Integer people) {
        views.requireHold(id);
        holds.saveDraft(id, input);
        return seeOther(UriComponentsBuilder.fromPath("/book/holds/" + id + "/details")
                .queryParamIfPresent("lang", Optional.ofNullable(lang).filter(l -> "en".equals(l) || "ms".equals(l)))
                .queryParamIfPresent("people", GroupSizes.chosen(people)).toUriString());
    }

    /** The details form's errors for what the hold keeps, as its POST found them. */
    private FormErrors savedDraftErrors(ApplicantInput input, Locale locale) {
        BindingResult result = new BeanPropertyBindingResult(input, "applicantInput");
        new SpringValidatorAdapter(validator).validate(input, result);
        return FormErrors.of(result, messages, locale, ApplicantInput.FIELDS);
    }
}
