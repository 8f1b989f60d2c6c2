package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.ApplicantInput;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.applicant.Countries;
import my.gov.temujanji.applicant.DocumentType;
import my.gov.temujanji.booking.Appointment;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingOutcome;
import my.gov.temujanji.booking.BookingPages;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.GroupMember;
import my.gov.temujanji.booking.GroupMemberValidation;
import my.gov.temujanji.booking.GroupOutcome;
import my.gov.temujanji.booking.MemberInput;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.fairaccess.Blocks;
import my.gov.temujanji.fairaccess.ChallengeErrors;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Choice;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
 * From a hold ({@link SlotPages}) to the booking: the applicant's details, a review, the OK to
 * confirm, and the appointment. Only the POSTs change anything; each answers with a 303 to the next page.
 */
@Controller
class HoldPages {

    private final Catalogue catalogue;
    private final Booking booking;
    private final Holds holds;
    private final ApplicantValidation validation;
    private final SpringValidatorAdapter validator;
    private final MessageSource messages;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final Blocks blocks;
    private final GroupBooking groups;
    private final GroupMemberValidation memberValidation;
    private final PeopleOnHold peopleOnHold;

    HoldPages(Catalogue catalogue, Booking booking, Holds holds, ApplicantValidation validation, Validator validator,
            MessageSource messages, Clock clock, RateLimits rateLimits,
            Challenges challenges, Blocks blocks, GroupBooking groups, GroupMemberValidation memberValidation,
            PeopleOnHold peopleOnHold) {
        this.groups = groups;
        this.memberValidation = memberValidation;
        this.peopleOnHold = peopleOnHold;
        this.blocks = blocks;
        this.rateLimits = rateLimits;
        this.challenges = challenges;
        this.catalogue = catalogue;
        this.booking = booking;
        this.holds = holds;
        this.validation = validation;
        this.validator = new SpringValidatorAdapter(validator);
        this.messages = messages;
        this.clock = clock;
    }

    /** A hold that has already become an appointment: its pages lead to the slip. */
    static class HoldBooked extends RuntimeException {

        private final transient Appointment appointment;

        HoldBooked(Appointment appointment) {
            super(null, null, false, false);
            this.appointment = appointment;
        }
    }

    @ExceptionHandler(HoldBooked.class)
    RedirectView toSlip(HoldBooked booked) {
        return booked(booked.appointment);
    }

    /** Where a booking goes on: its slip, or the page for the e-mailed code while it waits for one. */
    private static RedirectView booked(Appointment appointment) {
        return seeOther(appointment.confirmed() ? "/slip/" + appointment.reference()
                : BookingPages.confirmation(appointment.reference()));
    }

    /**
     * With {@code check}: the saved draft's errors, where a POST with errors has redirected to. Every hold
     * page carries {@code people}, the group size chosen before the hold ({@link GroupSizes#carry}).
     */
    @GetMapping("/book/holds/{id}/details")
    String details(@PathVariable UUID id, @RequestParam(required = false) String check,
            @RequestParam(required = false) Integer people, Model model, Locale locale) {
        Hold hold = requireHold(id);
        ApplicantInput input = hold.draft() == null ? ApplicantInput.empty() : hold.draft();
        FormErrors errors = check == null ? FormErrors.none() : savedDraftErrors(input, locale);
        GroupSizes.carry(people, model);
        return detailsPage(hold, input, errors, model, locale);
    }

    @PostMapping("/book/holds/{id}/details")
    Object saveDetails(@PathVariable UUID id, @Valid @ModelAttribute ApplicantInput input, BindingResult binding,
            @RequestParam(required = false) Integer people, Model model, Locale locale) {
        Hold hold = requireHold(id);
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
            return new ModelAndView(detailsPage(hold, input, refusedError(locale), model, locale), model.asMap(),
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
        requireHold(id);
        holds.saveDraft(id, input);
        return seeOther(UriComponentsBuilder.fromPath("/book/holds/" + id + "/details")
                .queryParamIfPresent("lang", Optional.ofNullable(lang).filter(l -> "en".equals(l) || "ms".equals(l)))
                .queryParamIfPresent("people", GroupSizes.chosen(people)).toUriString());
    }

    @GetMapping("/book/holds/{id}/review")
    String review(@PathVariable UUID id, @RequestParam(required = false) Integer people, Model model, Locale locale) {
        GroupSizes.carry(people, model);
        return summaryPage("booking/review", id, model, locale);
    }

    @GetMapping("/book/holds/{id}/confirm")
    String confirmQuestion(@PathVariable UUID id, @RequestParam(required = false) Integer people, Model model,
            Locale locale) {
        GroupSizes.carry(people, model);
        return summaryPage("booking/confirm", id, model, locale);
    }

    /** The OK to book's form: the proof of work (the details are the hold's). */
    record ConfirmForm(String altcha) {
    }

    @PostMapping("/book/holds/{id}/confirm")
    Object confirm(@PathVariable UUID id, @ModelAttribute ConfirmForm form,
            @RequestParam(required = false) Integer people, Model model, Locale locale, HttpServletRequest request) {
        Hold hold = requireHold(id);
        String carried = GroupSizes.carried(GroupSizes.carry(people, model));
        Applicant applicant = checkedApplicant(hold);
        if (applicant == null) {
            return seeOther("/book/holds/" + id + "/details" + carried);
        }
        rateLimits.check(LimitedAction.BOOKING, request, applicant.documentNumber());
        // The challenge is checked once the hold's key is locked and has booked nothing: a second press
        // of the same form, with the solution the first press spent, waits for it and shows its booking.
        Runnable gate = () -> challenges.verifyOnPage(form.altcha(), challengeSubject(id));
        String language = "en".equals(locale.getLanguage()) ? "en" : "ms";
        List<MemberInput> added = holds.members(id);
        BookingOutcome outcome;
        if (added.isEmpty()) {
            outcome = booking.book(new Booking.FromHold(id), applicant, language, idempotencyKey(id), gate);
        } else {
            List<GroupMember> members = new ArrayList<>();
            for (int i = 0; i < added.size(); i++) {
                GroupMember member = memberValidation.validate(added.get(i), applicant).member();
                if (member == null) {
                    return seeOther("/book/holds/" + id + "/people/" + (i + 1) + carried);
                }
                members.add(member);
            }
            GroupOutcome group = groups.book(new Booking.FromHold(id), hold.serviceCode(), applicant, members, language,
                    idempotencyKey(id), gate);
            if (group instanceof GroupOutcome.Made made) {
                return booked(made.group().applicant());
            }
            if (group instanceof GroupOutcome.MembersRefused refused) {
                // Back to the review, each person who cannot book named at their row.
                model.addAttribute("formErrors", new FormErrors(refused.members().stream()
                        .map(m -> new FormErrors.Entry("person-" + m.position(), messages.getMessage(
                                "person.refused", new Object[] {m.position() == 0 ? applicant.fullName()
                                        : added.get(m.position() - 1).fullName(),
                                        messages.getMessage("member.refused." + m.reason(), null, locale)}, locale)))
                        .toList()));
                return new ModelAndView(summaryPage("booking/review", id, model, locale), model.asMap(),
                        HttpStatus.CONFLICT);
            }
            outcome = ((GroupOutcome.Refused) group).refusal();
        }
        if (outcome instanceof BookingOutcome.Made made) {
            return booked(made.appointment());
        }
        if (outcome instanceof BookingOutcome.AlreadyBooked) {
            // Nothing of that appointment here: its owner has been e-mailed where and when it is.
            model.addAttribute("pageUrl", "/book/holds/" + id + "/review");
            return new ModelAndView("booking/already-booked", model.asMap(), HttpStatus.CONFLICT);
        }
        if (outcome instanceof BookingOutcome.ChallengeFailed failed) {
            // The details stay saved on the hold: the same question again, with a new challenge.
            model.addAttribute("formErrors", challengeError(failed.problem(), locale));
            return new ModelAndView(summaryPage("booking/confirm", id, model, locale), model.asMap(),
                    failed.problem().status());
        }
        if (outcome instanceof BookingOutcome.Refused) {
            return new ModelAndView(detailsPage(hold, hold.draft(), refusedError(locale), model, locale),
                    model.asMap(), HttpStatus.FORBIDDEN);
        }
        if (outcome instanceof BookingOutcome.TooManyAppointments many) {
            // Back to the details as typed, the limit shown at the field that reached it.
            FormErrors errors = FormErrors.one(many.byEmail() ? "email" : "documentNumber",
                    messages.getMessage("problem.TOO_MANY_APPOINTMENTS.detail",
                            new Object[] {many.limit(), many.byEmail() ? 1 : 0}, locale));
            return new ModelAndView(detailsPage(hold, hold.draft(), errors, model, locale), model.asMap(),
                    HttpStatus.CONFLICT);
        }
        // SlotFull or NotBookable: back to the hold's day, saying why.
        return seeOther(SlotPages.slotsUrl(hold.branchCode(), hold.serviceCode(), hold.date(), id).queryParam("notice",
                outcome instanceof BookingOutcome.SlotFull ? SlotPages.NOTICE_SLOT_TAKEN : SlotPages.NOTICE_NOT_BOOKABLE).toUriString());
    }

    private String detailsPage(Hold hold, ApplicantInput input, FormErrors errors, Model model, Locale locale) {
        addHold(hold, model);
        model.addAttribute("input", input);
        model.addAttribute("formErrors", errors);
        model.addAttribute("countries", Countries.in(locale));
        model.addAttribute("documentTypes", documentTypes(messages, locale));
        model.addAttribute("changeSlotUrl", SlotPages.slotsUrl(hold.branchCode(), hold.serviceCode(), hold.date(), hold.id())
                .toUriString());
        model.addAttribute("pageUrl", "/book/holds/" + hold.id() + "/details");
        model.addAttribute("languageForm", "details-form");
        model.addAttribute("languageFormAction", "/book/holds/" + hold.id() + "/details/draft");
        return "booking/details";
    }

    /** The review and the OK-to-confirm pages: both show the hold and the checked details. */
    private String summaryPage(String view, UUID id, Model model, Locale locale) {
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

    private void addHold(Hold hold, Model model) {
        model.addAttribute("hold", hold);
        model.addAttribute("offering", catalogue.requireOffering(hold.branchCode(), hold.serviceCode()));
        model.addAttribute("expiresAt", LocalTime.ofInstant(hold.expiresAt(), clock.getZone()).withSecond(0).withNano(0));
    }

    /** The hold, or the slip when it has been booked, or the 404 page. */
    private Hold requireHold(UUID id) {
        return holds.findHold(id).orElseThrow(() -> booking.bookedWith(idempotencyKey(id))
                .<RuntimeException>map(HoldBooked::new)
                .orElseGet(() -> new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND")));
    }

    /** The applicant the saved details make, or null while they are missing or have errors. */
    private Applicant checkedApplicant(Hold hold) {
        return hold.draft() == null ? null : validation.validate(hold.draft()).applicant();
    }

    private FormErrors challengeError(ApiProblem problem, Locale locale) {
        return ChallengeErrors.of(problem, messages, locale);
    }

    /** A refused booking as the details form's error, at the form's first field: it names no detail. */
    private FormErrors refusedError(Locale locale) {
        return FormErrors.one("fullName", messages.getMessage("problem.BOOKING_REFUSED.detail", null, locale));
    }

    /** The OK to book's no-JavaScript pass belongs to the hold: one at a time, and the hold is rate limited. */
    private static String challengeSubject(UUID holdId) {
        return "hold:" + holdId;
    }

    /** One key per hold: a confirmation sent twice (double click, back and resubmit) books once. */
    private static String idempotencyKey(UUID holdId) {
        return "hold:" + holdId;
    }

    /** The details form's errors for what the hold keeps, as its POST found them. */
    private FormErrors savedDraftErrors(ApplicantInput input, Locale locale) {
        BindingResult result = new BeanPropertyBindingResult(input, "applicantInput");
        validator.validate(input, result);
        return FormErrors.of(result, messages, locale, ApplicantInput.FIELDS);
    }
}
