package my.gov.temujanji.booking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.MemberInput;
import my.gov.temujanji.booking.GroupBooking;
import my.gov.temujanji.schedule.Availability;
import my.gov.temujanji.schedule.GroupSeating;
import my.gov.temujanji.schedule.SlotAvailability;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The people of a hold as the review and the OK to book show them: the applicant first, then everyone
 * added, each with the time they would be seen at. The times are worked out from the places shown now
 * ({@link GroupSeating}, as the booking will seat them); the booking's one statement decides, and its
 * answer (slip, e-mail) has the times taken.
 */
@Component
@RequiredArgsConstructor
class PeopleOnHold {

    /** One person: {@code number} 0 is the applicant; {@code time} null when the group does not fit there now. */
    record Person(int number, String name, String relationship, String documentNumber, String time) {
    }

    /**
     * Everyone, whether the whole group fits from the held slot, whether one more may be added, and
     * {@code missing}: how many of the {@code chosen} group size (on the question before the calendar)
     * are not added yet, 0 for none.
     */
    record People(List<Person> people, boolean fits, boolean canAdd, int next, int max, int chosen, int missing) {

        public boolean group() {
            return people.size() > 1;
        }
    }

    private final Holds holds;
    private final GroupBooking groups;
    private final Availability availability;
    private final MessageSource messages;

    /** {@code chosen}: the group size chosen before the hold, or null. */
    People of(Hold hold, String applicantName, String applicantDocument, Integer chosen, Locale locale) {
        List<MemberInput> added = holds.members(hold.id());
        int size = added.size() + 1;
        List<String> times = times(hold, size);
        List<Person> people = new ArrayList<>();
        people.add(new Person(0, applicantName, messages.getMessage("person.relationship.SELF", null, locale),
                applicantDocument, times.isEmpty() ? null : times.get(0)));
        for (int i = 0; i < added.size(); i++) {
            MemberInput person = added.get(i);
            people.add(new Person(i + 1, person.fullName(),
                    messages.getMessage("person.relationship." + person.relationship(), null, locale),
                    person.documentNumber(), times.isEmpty() ? null : times.get(i + 1)));
        }
        int max = groups.maxOthers(hold.serviceCode());
        // A reminder only: the applicant may book for fewer than they said (someone stays at home).
        int expected = chosen == null ? size : Math.min(chosen, max + 1);
        return new People(people, !times.isEmpty(), added.size() < max, added.size() + 1, max, expected,
                Math.max(0, expected - size));
    }

    /** Each person's time from the held slot, in order; empty when the group does not fit there now. */
    private List<String> times(Hold hold, int size) {
        List<SlotAvailability> day = new ArrayList<>();
        for (SlotAvailability slot : availability.slots(hold.branchCode(), hold.serviceCode(), hold.date())) {
            // The applicant's own hold keeps a place in its slot: it counts for the group.
            boolean own = hold.live() && slot.start().equals(hold.start());
            day.add(own ? new SlotAvailability(slot.start(), slot.end(), slot.capacity(), slot.placesLeft() + 1) : slot);
        }
        List<SlotAvailability> run = GroupSeating.run(day, hold.start(), size);
        List<String> times = new ArrayList<>();
        GroupSeating.spread(run.stream().map(SlotAvailability::placesLeft).toList(), size).ifPresent(counts -> {
            for (int i = 0; i < counts.size(); i++) {
                for (int k = 0; k < counts.get(i); k++) {
                    times.add(run.get(i).start() + "–" + run.get(i).end());
                }
            }
        });
        return times;
    }
}
