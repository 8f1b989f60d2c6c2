package my.gov.temujanji.booking;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A condition another capability sets on holding a place (the fair opening's pass), checked in the
 * hold's transaction before the place is taken: what it writes commits with the hold or not at all, so
 * a hold refused for a full slot spends nothing.
 */
public interface HoldGate {

    /**
     * What the applicant showed for the gate: {@code pass} the signed pass, {@code client} the browser's
     * (or API client's) own token it is bound to; either may be null.
     */
    record Pass(String pass, String client) {

        public static final Pass NONE = new Pass(null, null);
        /** Where a browser keeps them (pages). */
        public static final String PASS_COOKIE = "temujanji-pass";
        public static final String CLIENT_COOKIE = "temujanji-client";
        /** Where an API client sends them. */
        public static final String PASS_HEADER = "Opening-Pass";
        public static final String CLIENT_HEADER = "Ticket-Token";
    }

    /**
     * Refuses the hold with an {@link my.gov.temujanji.platform.ApiProblem}, or lets it through and
     * records it; {@code previous} is the applicant's earlier hold this one replaces, if any.
     */
    void admit(String branch, String service, LocalDate date, UUID hold, UUID previous, Pass pass);

    /**
     * The page where the applicant gets what a hold of this day needs, when this pass does not do;
     * {@code date} null: of any day that needs it today.
     */
    default Optional<String> waitingRoom(String branch, String service, LocalDate date, Pass pass) {
        return Optional.empty();
    }
}
