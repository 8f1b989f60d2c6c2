package my.gov.temujanji.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a waitlist e-mail says, read when it is sent: the entry's branch, type and dates; for an
 * offer also the place and the deadline ({@code day}, {@code start}, {@code end}, {@code deadline}
 * null for a code). {@code path}: the page the e-mail links to. {@code staleReason}: why it would
 * now mislead (the entry is confirmed already, the offer is over), or null when it is still to go.
 */
public record WaitlistMail(String branchCode, String serviceCode, LocalDate firstDay, LocalDate lastDay, LocalDate day,
        LocalTime start, LocalTime end, Instant deadline, String path, String staleReason) {
}
