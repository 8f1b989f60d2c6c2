package my.gov.temujanji.waitlist;

import java.util.UUID;

/**
 * What happened on the waitlist, published inside the transaction that made it happen, so that the
 * e-mail reporting it is written to the outbox in that transaction. {@code subject}: the entry (for
 * its code) or the offer (for the place held), which the e-mail is composed from when it is sent.
 */
public sealed interface WaitlistEvent {

    UUID subject();

    /** A code to confirm the e-mail address of a new entry; any earlier code of the entry is dead. */
    record CodeRequested(UUID subject, String email, String language, String code) implements WaitlistEvent {
    }

    /** The entry's address is confirmed: its code is used. */
    record Joined(UUID subject) implements WaitlistEvent {
    }

    /** A place is held for the entry until the offer's deadline. */
    record OfferMade(UUID subject, String email, String language) implements WaitlistEvent {
    }
}
