package my.gov.temujanji.applicant;

import java.time.LocalDate;

/**
 * A person added to a group booking, checked: their own name and document, with the applicant's e-mail
 * address and phone (everything about the group is sent to the applicant), their date of birth and
 * how they are related to the applicant.
 */
public record GroupMember(Applicant person, LocalDate dateOfBirth, Relationship relationship) {
}
