package my.gov.temujanji.booking;

/**
 * What became of a cancel or a move of a whole group (issue 19), asked for with the applicant's
 * reference and document number, as {@link ChangeOutcome} is of one appointment's: pages and the JSON
 * API act on these types (the API's problem codes: {@code AppointmentProblems}).
 */
public sealed interface GroupChangeOutcome {

    /** Cancelled, or moved together: the group as it is now. */
    record Changed(BookingGroup group) implements GroupChangeOutcome {
    }

    /** No group has this applicant's reference and document number (a wrong pair, a person booked alone, a member's reference). */
    record NotFound() implements GroupChangeOutcome {
    }

    /** Nothing changed, for a reason a change of one appointment is refused too; the transaction rolled back whole. */
    record Refused(ChangeOutcome.Refusal refusal) implements GroupChangeOutcome {
    }
}
