package my.gov.temujanji.waitlist.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An applicant on the waitlist of one branch and transaction type. */
record Entry(UUID id, String branchCode, String serviceCode, LocalDate firstDay, LocalDate lastDay, PartOfDay part,
        String documentType, String documentNumber, String email, String language, String state,
        Instant codeExpiresAt, int codeTries) {
}
