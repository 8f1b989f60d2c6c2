package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.applicant.Countries;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingPages;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Choice;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the pages from a hold to the booking share ({@link HoldPages}, {@link ConfirmPages}): the hold
 * or where it went, the applicant its saved details make, and the details and summary pages.
 */
@Component
@RequiredArgsConstructor
class HoldViews {

    private final Catalogue catalogue;
    private final Booking booking;
    private final Holds holds;
    private final ApplicantValidation validation;
    private final MessageSource messages;
    private final Clock clock;
    private final PeopleOnHold peopleOnHold;

    /** A hold that has already become an appointment: its pages lead to the slip. */
    static class HoldBooked extends RuntimeException {

        final transient Appointment appointment;

        HoldBooked(Appointment appointment) {
            super(null, null, false, false);
            this.appointment = appointment;
        }
    }

    /** Where a booking goes on: its slip, or the page for the e-mailed code while it waits for one. */
    static RedirectView booked(Appointment appointment) {
        return seeOther(appointment.confirmed() ? "/slip/" + appointment.reference()
                : BookingPages.confirmation(appointment.reference()));
    }

    String detailsPage(Hold hold, ApplicantInput input, FormErrors errors, Model model, Locale locale) {
        addHold(hold, model);
        model.addAttribute("input", input);
        model.addAttribute("formErrors", errors);
        model.addAttribute("countries", Countries.in(locale));
        model.addAttribute("documentTypes", documentTypes(messages, locale));
        model.addAttribute("pageUrl", "/book/holds/" + hold.id() + "/details");
        model.addAttribute("languageForm", "details-form");
        model.addAttribute("languageFormAction", "/book/holds/" + hold.id() + "/details/draft");
        return "booking/details";
    }

    /** The review and the OK-to-confirm pages: both show the hold and the checked details. */
    String summaryPage(String view, UUID id, Model model, Locale locale) {
        Hold hold = requireHold(id);
        Applicant applicant = checkedApplicant(hold);
        if (applicant == null) {
            return "redirect:/book/holds/" + id + "/details";
        }
        addHold(hold, model);
        model.addAttribute("challengeSubject", challengeSubject(id));
        model.addAttribute("applicant", applicant);
        if (!model.containsAttribute("formErrors")) {
            model.addAttribute("formErrors", FormErrors.none());
        }
        model.addAttribute("nationality", Countries.name(applicant.nationality(), locale));
        model.addAttribute("documentType",
                messages.getMessage("details.documentType." + applicant.documentType().name(), null, locale));
        // The group size chosen, as every handler of these pages put it in the model first.
        model.addAttribute("people", peopleOnHold.of(hold, applicant.fullName(), applicant.documentNumber(),
                (Integer) model.getAttribute("chosen"), locale));
        return view;
    }

    /** The document type question's choices, the applicant's and each person's added. */
    static List<Choice> documentTypes(MessageSource messages, Locale locale) {
        return Arrays.stream(DocumentType.values())
                .map(type -> Choice.of(type.name(), messages.getMessage("details.documentType." + type, null, locale), null))
                .toList();
    }

    void addHold(Hold hold, Model model) {
        model.addAttribute("hold", hold);
        model.addAttribute("offering", catalogue.requireOffering(hold.branchCode(), hold.serviceCode()));
        model.addAttribute("expiresAt", LocalTime.ofInstant(hold.expiresAt(), clock.getZone()).withSecond(0).withNano(0));
        // The group size chosen travels too, as every handler put it in the model first (GroupSizes.carry).
        model.addAttribute("changeSlotUrl", SlotPages.slotsUrl(hold.branchCode(), hold.serviceCode(), hold.date(), hold.id())
                .queryParamIfPresent("people", GroupSizes.chosen((Integer) model.getAttribute("chosen"))).toUriString());
    }

    /** The hold, or the slip when it has been booked, or the 404 page. */
    Hold requireHold(UUID id) {
        return holds.findHold(id).orElseThrow(() -> booking.bookedWith(idempotencyKey(id))
                .<RuntimeException>map(HoldBooked::new)
                .orElseGet(() -> new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND")));
    }

    /** The applicant the saved details make, or null while they are missing or have errors. */
    Applicant checkedApplicant(Hold hold) {
        return hold.draft() == null ? null : validation.validate(hold.draft()).applicant();
    }

    /** A refused booking as the details form's error, at the form's first field: it names no detail. */
    FormErrors refusedError(Locale locale) {
        return FormErrors.one("fullName", messages.getMessage("problem.BOOKING_REFUSED.detail", null, locale));
    }

    /** The OK to book's no-JavaScript pass belongs to the hold: one at a time, and the hold is rate limited. */
    static String challengeSubject(UUID holdId) {
        return "hold:" + holdId;
    }

    /** One key per hold: a confirmation sent twice (double click, back and resubmit) books once. */
    static String idempotencyKey(UUID holdId) {
        return "hold:" + holdId;
    }
}
