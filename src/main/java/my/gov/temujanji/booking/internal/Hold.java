package my.gov.temujanji.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import my.gov.temujanji.applicant.ApplicantInput;

/**
 * A place kept for an applicant while they fill in their details. {@code live} is false once it has
 * run out and its place was given back; its {@code draft} (what they typed so far) is kept a while.
 */
public record Hold(UUID id, String branchCode, String serviceCode, LocalDate date, LocalTime start, LocalTime end,
        Instant expiresAt, boolean live, ApplicantInput draft) {
}
