package my.gov.temujanji.applicant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.applicant.ApplicantValidation.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks a person added to a group as the applicant is checked (name, document, nationality: the same
 * rules, its messages written about them, {@code member.<field>.<code>}), with their date of birth ({@code member.dateOfBirth.*}:
 * required, a real past date, the one a MyKad number carries) and their relationship.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class GroupMemberValidation {

    private static final Set<String> OWN_FIELDS = Set.of("fullName", "documentType", "documentNumber", "nationality");
    private static final int OLDEST = 130;
    /** Whose the fields are in the messages: {@code member.<field>.<code>}, about them, not you. */
    private static final String MEMBER = "member";

    private final ApplicantValidation applicants;
    private final Clock clock;

    /** Either the person, with the applicant's address and phone, or the problems in the form's field order. */
    public record Result(GroupMember member, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the person; {@code applicant} gives them the applicant's address and phone. With no valid
     * applicant yet ({@code null}), only the person's own problems are found (so a form shows them all at
     * once), and no member is made.
     */
    public Result validate(MemberInput input, Applicant applicant) {
        // A stand-in address and phone while the applicant's are not valid: only the person's own fields are read.
        ApplicantValidation.Result person = applicants.validate(new ApplicantInput(input.fullName(),
                input.documentType(), input.documentNumber(), input.nationality(),
                applicant == null ? "" : applicant.email(), applicant == null ? "" : applicant.phone()));
        List<FieldError> errors = new ArrayList<>(person.errors().stream().filter(e -> OWN_FIELDS.contains(e.field()))
                .map(e -> new FieldError(MEMBER, e.field(), e.code())).toList());
        LocalDate today = LocalDate.now(clock);
        LocalDate born = date(input.dateOfBirth());
        String bornProblem = born == null ? (blank(input.dateOfBirth()) ? "REQUIRED" : "INVALID")
                : born.isAfter(today) ? "FUTURE"
                : born.isBefore(today.minusYears(OLDEST)) ? "INVALID"
                : person.valid() && person.applicant().documentType() == DocumentType.MYKAD
                        && !person.applicant().birthDate(today).map(born::equals).orElse(true) ? "NOT_MYKAD" : null;
        if (bornProblem != null) {
            errors.add(new FieldError(MEMBER, "dateOfBirth", bornProblem));
        }
        Relationship relationship = relationship(input.relationship());
        if (relationship == null) {
            errors.add(new FieldError(MEMBER, "relationship", "REQUIRED"));
        }
        if (!errors.isEmpty() || applicant == null) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new GroupMember(person.applicant(), born, relationship), List.of());
    }

    private static LocalDate date(String text) {
        try {
            return blank(text) ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Relationship relationship(String text) {
        return text == null ? null : Relationship.OF_OTHERS.stream().filter(r -> r.name().equals(text.strip()))
                .findFirst().orElse(null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
