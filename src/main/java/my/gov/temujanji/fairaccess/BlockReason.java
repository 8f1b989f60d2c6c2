package my.gov.temujanji.fairaccess;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why a document or an address is blocked: the applicant is told the text of the reason
 * ({@code block.reason.CODE} in messages*.properties) in their language; staff add an internal note.
 */
public enum BlockReason {
    /** Booking for others or through an agent: booking is personal and free. */
    AGENT,
    /** Details given that were not true. */
    FALSE_DETAILS,
    /** Abuse of the system, such as automated or repeated requests. */
    MISUSE,
    /** Appointments not attended or cancelled at the last minute (the automatic block's reason too). */
    MISSED_APPOINTMENTS;

    /** The reason's text for the applicant, resolved in the reader's language where it is shown. */
    MessageSourceResolvable text() {
        return new DefaultMessageSourceResolvable("block.reason." + name());
    }
}
