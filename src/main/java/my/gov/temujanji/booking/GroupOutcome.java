package my.gov.temujanji.booking;

import java.util.List;

/**
 * What became of a group booking: all its places were taken, or none was. Pages and the API act on
 * these types ({@code BookingApiController} chooses the API's problem codes).
 */
public sealed interface GroupOutcome {

    /** Every person has their appointment (PENDING until the applicant's code is entered, where the type asks it). */
    record Made(BookingGroup group, boolean replayed) implements GroupOutcome {
    }

    /** Nothing was booked: each person listed cannot book (position 0 is the applicant). */
    record MembersRefused(List<MemberRefusal> members) implements GroupOutcome {

        public MembersRefused {
            members = List.copyOf(members);
        }
    }

    /**
     * Nothing was booked, for the group as a whole: {@link BookingOutcome.SlotFull} (no room for everyone
     * in that slot and the ones right after it), {@link BookingOutcome.NotBookable},
     * {@link BookingOutcome.TooManyAppointments} by the e-mail address, {@link BookingOutcome.ChallengeFailed}.
     */
    record Refused(BookingOutcome.Refusal refusal) implements GroupOutcome {
    }

    /** Why one person cannot book. */
    enum Reason {
        /** Blocked (the document; for the applicant also the address): it says nothing of why or until when. */
        BLOCKED,
        /** Already has an active appointment of this transaction type. */
        ALREADY_BOOKED,
        /** Has as many upcoming active appointments as one document may have. */
        TOO_MANY_APPOINTMENTS,
        /** The same document as an earlier person of the group. */
        SAME_DOCUMENT
    }

    record MemberRefusal(int position, Reason reason) {
    }
}
