package my.gov.temujanji.booking.internal;

import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.schedule.GroupSeating;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * How many people the booking pages are for (issue 19): the number chosen on the question page
 * ({@code people}, carried in the links and forms, no session), or, when the slot of a hold is changed,
 * the applicant and the people already on that hold.
 */
@Component
@RequiredArgsConstructor
class GroupSizes {

    private final Holds holds;
    private final GroupBooking groups;

    /** The most people a booking of this transaction type may be for: the applicant and those they may add. */
    int most(String service) {
        return 1 + groups.maxOthers(service);
    }

    /**
     * The size the calendar and the slots are shown for. A changed slot is for at least the hold's own
     * people, and for the size chosen when more are yet to be added. 400 {@code INVALID_GROUP_SIZE} for a
     * number the type does not allow (the question offers none; only an edited link has one).
     */
    int shownFor(String service, Integer chosen, UUID from) {
        int asked = 1;
        if (chosen != null) {
            int most = most(service);
            if (chosen < 1 || chosen > most) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_GROUP_SIZE", most);
            }
            asked = chosen;
        }
        return from == null ? asked : Math.max(asked, 1 + holds.members(from).size());
    }

    /**
     * The size chosen, as the hold pages carry it to the review (which reminds of the people not added
     * yet): {@code chosen} for a hidden field, {@code carried} after a link's path ({@link #carried}).
     */
    static Integer carry(Integer people, Model model) {
        Integer chosen = chosen(people).orElse(null);
        model.addAttribute("chosen", chosen);
        model.addAttribute("carried", carried(chosen));
        return chosen;
    }

    /** A group size chosen, or empty for one person, none or one out of range: it only ever informs. */
    static Optional<Integer> chosen(Integer people) {
        return Optional.ofNullable(people).filter(n -> n > 1 && n <= GroupSeating.MAX_GROUP);
    }

    /** "?people=4" to follow a hold page's path, or "" for no group. */
    static String carried(Integer people) {
        return chosen(people).map(n -> "?people=" + n).orElse("");
    }
}
