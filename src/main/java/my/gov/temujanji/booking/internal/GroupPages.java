package my.gov.temujanji.booking.internal;

import static my.gov.temujanji.platform.Pages.seeOther;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.Applicant;
import my.gov.temujanji.applicant.ApplicantValidation;
import my.gov.temujanji.applicant.Countries;
import my.gov.temujanji.applicant.GroupMemberValidation;
import my.gov.temujanji.applicant.MemberInput;
import my.gov.temujanji.applicant.Relationship;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.Choice;
import my.gov.temujanji.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Add another person" (issue 19): from the review of a hold, one page per person added to the booking,
 * each kept on the hold as typed, then back to the review, which shows everyone and their times.
 * Works without JavaScript: links and forms only.
 */
@Controller
@RequiredArgsConstructor
class GroupPages {

    private final Holds holds;
    private final GroupBooking groups;
    private final GroupMemberValidation validation;
    private final ApplicantValidation applicants;
    private final MessageSource messages;

    /** The person form as typed; the date of birth in three boxes (day, month, year), GOV.UK style. */
    record PersonForm(String fullName, String documentType, String documentNumber, String nationality, String dobDay,
            String dobMonth, String dobYear, String relationship) {

        static PersonForm of(MemberInput input) {
            String[] date = input.dateOfBirth() == null ? new String[0] : input.dateOfBirth().split("-", 3);
            return new PersonForm(input.fullName(), input.documentType(), input.documentNumber(), input.nationality(),
                    date.length == 3 ? strip(date[2]) : "", date.length == 3 ? strip(date[1]) : "",
                    date.length == 3 ? date[0] : "", input.relationship());
        }

        MemberInput input() {
            String day = text(dobDay);
            String month = text(dobMonth);
            String year = text(dobYear);
            String date = day.isEmpty() && month.isEmpty() && year.isEmpty() ? ""
                    : day.matches("\\d{1,2}") && month.matches("\\d{1,2}") && year.matches("\\d{4}")
                            ? year + "-" + pad(month) + "-" + pad(day) : "?";
            return new MemberInput(text(fullName), text(documentType), text(documentNumber), text(nationality), date,
                    text(relationship));
        }

        private static String text(String value) {
            return value == null ? "" : value.strip();
        }

        private static String pad(String number) {
            return number.length() == 1 ? "0" + number : number;
        }

        private static String strip(String number) {
            return number.startsWith("0") ? number.substring(1) : number;
        }
    }

    @GetMapping("/book/holds/{id}/people/{number}")
    String person(@PathVariable UUID id, @PathVariable int number,
            @RequestParam(required = false, name = "people") Integer chosen, Model model, Locale locale) {
        GroupSizes.carry(chosen, model);
        List<MemberInput> people = people(id, number);
        PersonForm form = number <= people.size() ? PersonForm.of(people.get(number - 1))
                : PersonForm.of(MemberInput.empty());
        return personPage(id, number, form, FormErrors.none(), model, locale);
    }

    @PostMapping("/book/holds/{id}/people/{number}")
    Object savePerson(@PathVariable UUID id, @PathVariable int number, @ModelAttribute PersonForm form,
            @RequestParam(required = false, name = "people") Integer chosen, Model model, Locale locale) {
        String carried = GroupSizes.carried(GroupSizes.carry(chosen, model));
        List<MemberInput> people = new ArrayList<>(people(id, number));
        MemberInput input = form.input();
        Applicant applicant = holds.findHold(id).map(Hold::draft).map(d -> applicants.validate(d).applicant())
                .orElse(null);
        GroupMemberValidation.Result result = validation.validate(input, applicant);
        if (!result.errors().isEmpty()) {
            // Each message next to its field, in the form's order, and in the summary linking to it.
            List<FormErrors.Entry> entries = result.errors().stream()
                    .map(e -> new FormErrors.Entry(e.field(), messages.getMessage(e.messageKey(), null, locale)))
                    .toList();
            return new ModelAndView(personPage(id, number, form, new FormErrors(entries), model, locale),
                    model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (number <= people.size()) {
            people.set(number - 1, input);
        } else {
            people.add(input);
        }
        holds.saveMembers(id, people);
        return seeOther("/book/holds/" + id + "/review" + carried);
    }

    @PostMapping("/book/holds/{id}/people/{number}/remove")
    RedirectView removePerson(@PathVariable UUID id, @PathVariable int number,
            @RequestParam(required = false, name = "people") Integer chosen) {
        List<MemberInput> people = new ArrayList<>(people(id, number));
        if (number <= people.size()) {
            people.remove(number - 1);
            holds.saveMembers(id, people);
        }
        return seeOther("/book/holds/" + id + "/review" + GroupSizes.carried(chosen));
    }

    /**
     * The people added so far, once the hold is known and {@code number} is one of them or the next one
     * its transaction type allows; else 404 (a hold gone, a person who cannot be added).
     */
    private List<MemberInput> people(UUID id, int number) {
        Hold hold = holds.findHold(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND"));
        List<MemberInput> people = holds.members(id);
        if (number < 1 || number > people.size() + 1 || number > groups.maxOthers(hold.serviceCode())) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "HOLD_NOT_FOUND");
        }
        return people;
    }

    private String personPage(UUID id, int number, PersonForm form, FormErrors errors, Model model, Locale locale) {
        model.addAttribute("holdId", id);
        model.addAttribute("number", number);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        model.addAttribute("countries", Countries.in(locale));
        model.addAttribute("documentTypes", HoldViews.documentTypes(messages, locale));
        model.addAttribute("relationships", Relationship.OF_OTHERS.stream()
                .map(r -> Choice.of(r.name(), messages.getMessage("person.relationship." + r, null, locale), null))
                .toList());
        model.addAttribute("pageUrl", "/book/holds/" + id + "/people/" + number);
        return "booking/person";
    }
}
