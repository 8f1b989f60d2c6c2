package my.gov.temujanji.booking.confirmation;

import my.gov.temujanji.booking.Appointment;

/**
 * What became of a confirmation code typed, or of a new one asked for: pages and the JSON API act on
 * these types, each in one place (the API's problem codes: {@code BookingApiController}).
 */
public sealed interface CodeOutcome {

    /** What was asked for was done. */
    sealed interface Done extends CodeOutcome {

        Appointment appointment();
    }

    /** CONFIRMED with the code: its confirmation with the slip is on its way. */
    record Confirmed(Appointment appointment) implements Done {
    }

    /** A new code is on its way; the earlier one is dead. */
    record Sent(Appointment appointment) implements Done {
    }

    /** Nothing changed but the try counted, when one was. */
    sealed interface Refusal extends CodeOutcome {
    }

    /** What was typed is not six digits (not counted as a try). */
    record CodeInvalid() implements Refusal {
    }

    /** Not the code sent; {@code triesLeft} more may be typed. */
    record CodeWrong(int triesLeft) implements Refusal {
    }

    /** Every try of this code is used: a new one can be asked for. */
    record TriesUsed() implements Refusal {
    }

    /** Every code allowed has been sent. */
    record ResendLimit() implements Refusal {
    }

    /** The time to confirm ran out, and the place was given back. */
    record Expired() implements Refusal {
    }

    /** Confirmed already: a code works once. */
    record AlreadyConfirmed() implements Refusal {
    }

    /** Cancelled. */
    record NotActive() implements Refusal {
    }

    /** No appointment has this reference. */
    record NotFound() implements Refusal {
    }
}
