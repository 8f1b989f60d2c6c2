package my.gov.temujanji.booking;

import java.time.LocalDate;
import java.util.List;
import my.gov.temujanji.applicant.Relationship;

/**
 * A group booking: every person's own appointment, the applicant who booked first (position 0), then
 * the people added in the order they were given. Each keeps their own reference and is checked in alone.
 */
public record BookingGroup(long id, List<Member> members) {

    /** One person of the group; {@code dateOfBirth} is null for the applicant (the booking form does not ask it). */
    public record Member(int position, Appointment appointment, LocalDate dateOfBirth, Relationship relationship) {
    }

    public BookingGroup {
        members = List.copyOf(members);
    }

    /** The applicant who booked: the code and the e-mails go to them. */
    public Appointment applicant() {
        return members.get(0).appointment();
    }

    public List<Appointment> appointments() {
        return members.stream().map(Member::appointment).toList();
    }

    /** The people who still hold a place (not cancelled, not expired). */
    public List<Member> active() {
        return members.stream().filter(m -> m.appointment().active()).toList();
    }
}
