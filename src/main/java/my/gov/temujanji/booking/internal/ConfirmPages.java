package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.GroupMember;
import my.gov.temujanji.applicant.GroupMemberValidation;
import my.gov.temujanji.applicant.MemberInput;
import my.gov.temujanji.booking.Booking;
import my.gov.temujanji.booking.BookingOutcome;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.GroupOutcome;
import my.gov.temujanji.fairaccess.ChallengeErrors;
import my.gov.temujanji.fairaccess.Challenges;
import my.gov.temujanji.fairaccess.LimitedAction;
import my.gov.temujanji.fairaccess.RateLimits;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The review of a hold and the OK to confirm, then the booking of the applicant alone or with the people
 * they added ({@link GroupPages}), and where each outcome leads. Only the POST changes anything.
 */
@Controller
@RequiredArgsConstructor
class ConfirmPages {

    private final HoldViews views;
    private final Booking booking;
    private final Holds holds;
    private final MessageSource messages;
    private final RateLimits rateLimits;
    private final Challenges challenges;
    private final GroupBooking groups;
    private final GroupMemberValidation memberValidation;

    @ExceptionHandler(HoldViews.HoldBooked.class)
    RedirectView toSlip(HoldViews.HoldBooked booked) {
        return HoldViews.booked(booked.appointment);
    }

    @GetMapping("/book/holds/{id}/review")
    String review(@PathVariable UUID id, @RequestParam(required = false) Integer people, Model model, Locale locale) {
        GroupSizes.carry(people, model);
        return views.summaryPage("booking/review", id, model, locale);
    }

    @GetMapping("/book/holds/{id}/confirm")
    String confirmQuestion(@PathVariable UUID id, @RequestParam(required = false) Integer people, Model model,
            Locale locale) {
        GroupSizes.carry(people, model);
        return views.summaryPage("booking/confirm", id, model, locale);
    }

    /** The OK to book's form: the proof of work (the details are the hold's). */
    record ConfirmForm(String altcha) {
    }

    @PostMapping("/book/holds/{id}/confirm")
    Object confirm(@PathVariable UUID id, @ModelAttribute ConfirmForm form,
            @RequestParam(required = false) Integer people, Model model, Locale locale, HttpServletRequest request) {
        Hold hold = views.requireHold(id);
        String carried = GroupSizes.carried(GroupSizes.carry(people, model));
        Applicant applicant = views.checkedApplicant(hold);
        if (applicant == null) {
            return seeOther("/book/holds/" + id + "/details" + carried);
        }
        rateLimits.check(LimitedAction.BOOKING, request, applicant.documentNumber());
        // The challenge is checked once the hold's key is locked and has booked nothing: a second press
        // of the same form, with the solution the first press spent, waits for it and shows its booking.
        Runnable gate = () -> challenges.verifyOnPage(form.altcha(), HoldViews.challengeSubject(id));
        String language = "en".equals(locale.getLanguage()) ? "en" : "ms";
        List<MemberInput> added = holds.members(id);
        BookingOutcome outcome;
        if (added.isEmpty()) {
            outcome = booking.book(new Booking.FromHold(id), applicant, language, HoldViews.idempotencyKey(id), gate);
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
                    HoldViews.idempotencyKey(id), gate);
            if (group instanceof GroupOutcome.Made made) {
                return HoldViews.booked(made.group().applicant());
            }
            if (group instanceof GroupOutcome.MembersRefused refused) {
                // Back to the review, each person who cannot book named at their row.
                model.addAttribute("formErrors", new FormErrors(refused.members().stream()
                        .map(m -> new FormErrors.Entry("person-" + m.position(), messages.getMessage(
                                "person.refused", new Object[] {m.position() == 0 ? applicant.fullName()
                                        : added.get(m.position() - 1).fullName(),
                                        messages.getMessage("member.refused." + m.reason(), null, locale)}, locale)))
                        .toList()));
                return new ModelAndView(views.summaryPage("booking/review", id, model, locale), model.asMap(),
                        HttpStatus.CONFLICT);
            }
            outcome = ((GroupOutcome.Refused) group).refusal();
        }
        if (outcome instanceof BookingOutcome.Made made) {
            return HoldViews.booked(made.appointment());
        }
        if (outcome instanceof BookingOutcome.AlreadyBooked) {
            // Nothing of that appointment here: its owner has been e-mailed where and when it is.
            model.addAttribute("pageUrl", "/book/holds/" + id + "/review");
            return new ModelAndView("booking/already-booked", model.asMap(), HttpStatus.CONFLICT);
        }
        if (outcome instanceof BookingOutcome.ChallengeFailed failed) {
            // The details stay saved on the hold: the same question again, with a new challenge.
            model.addAttribute("formErrors", challengeError(failed.problem(), locale));
            return new ModelAndView(views.summaryPage("booking/confirm", id, model, locale), model.asMap(),
                    failed.problem().status());
        }
        if (outcome instanceof BookingOutcome.Refused) {
            return new ModelAndView(views.detailsPage(hold, hold.draft(), views.refusedError(locale), model, locale),
                    model.asMap(), HttpStatus.FORBIDDEN);
        }
        if (outcome instanceof BookingOutcome.TooManyAppointments many) {
            // Back to the details as typed, the limit shown at the field that reached it.
            FormErrors errors = FormErrors.one(many.byEmail() ? "email" : "documentNumber",
                    messages.getMessage("problem.TOO_MANY_APPOINTMENTS.detail",
                            new Object[] {many.limit(), many.byEmail() ? 1 : 0}, locale));
            return new ModelAndView(views.detailsPage(hold, hold.draft(), errors, model, locale), model.asMap(),
                    HttpStatus.CONFLICT);
        }
        // SlotFull or NotBookable: back to the hold's day, saying why.
        return seeOther(SlotPages.slotsUrl(hold.branchCode(), hold.serviceCode(), hold.date(), id).queryParam("notice",
                outcome instanceof BookingOutcome.SlotFull ? SlotPages.NOTICE_SLOT_TAKEN : SlotPages.NOTICE_NOT_BOOKABLE).toUriString());
    }

    private FormErrors challengeError(ApiProblem problem, Locale locale) {
        return ChallengeErrors.of(problem, messages, locale);
    }
}
