package my.gov.temujanji.selfservice;

import static my.gov.temujanji.platform.Pages.noStore;
import static my.gov.temujanji.platform.Pages.seeOther;
import static my.gov.temujanji.selfservice.ManagedAppointments.PATH;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.booking.GroupChangeOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cancelling a whole group booking (issue 19), for the applicant who booked it, under the look-up's
 * draft as every self-service change is. One person alone is cancelled from their own appointment page
 * (their reference and document number): their place returns, the others keep theirs.
 */
@Controller
@RequiredArgsConstructor
class GroupSelfServicePages {

    private final GroupBooking groups;
    private final ManagedAppointments managed;

    @GetMapping(PATH + "/{draft}/cancel-group")
    Object cancelGroupQuestion(@PathVariable UUID draft, Model model, Locale locale, HttpServletResponse response) {
        noStore(response);
        return managed.withDraft(draft, opened -> managed.whenChangeable(opened, model, locale, a -> {
            managed.addAppointment(a, model);
            return model.getAttribute("group") == null ? managed.appointmentPage(a, null, model)
                    : "booking/manage/cancel-group";
        }));
    }

    @PostMapping(PATH + "/{draft}/cancel-group")
    Object cancelGroup(@PathVariable UUID draft, HttpServletResponse response, HttpServletRequest request) {
        noStore(response);
        Optional<ManageDrafts.Draft> found = managed.useForChange(draft, request);
        if (found.isEmpty()) {
            return managed.lookUpAgain();
        }
        GroupChangeOutcome outcome = groups.cancel(found.get().reference(), found.get().documentNumber());
        if (outcome instanceof GroupChangeOutcome.Changed cancelled) {
            return seeOther(UriComponentsBuilder.fromPath(PATH + "/cancelled")
                    .queryParam("reference", cancelled.group().applicant().reference()).toUriString());
        }
        if (outcome instanceof GroupChangeOutcome.Refused refused) {
            return managed.refusalRedirect(refused.refusal(), draft);
        }
        // Not the applicant of a group (any more): the appointment's own page says what it is.
        return seeOther(ManagedAppointments.draftPath(draft));
    }
}
