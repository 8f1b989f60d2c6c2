package my.gov.temujanji.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * The details form's Bean Validation constraints say what {@link ApplicantValidation} says (the API's
 * answer): the same fields, each with the message key of the same code, for right and wrong input alike.
 */
@Tag("fast")
class ApplicantConstraintsPropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final ApplicantValidation validation = new ApplicantValidation();

    @Provide
    Arbitrary<ApplicantInput> inputs() {
        Arbitrary<String> names = Arbitraries.of("Tan Ah Kow", "", "  ", "Muthu a/l Rajan @ Raj", "R2-D2", "x".repeat(151),
                "陈美玲", null);
        Arbitrary<String> types = Arbitraries.of("MYKAD", "PASSPORT", "passport", "", "VISA", null);
        Arbitrary<String> numbers = Arbitraries.of("900101-14-5678", "900101145678", "901301-14-5678", "900101-00-5678",
                "9001-0114-5678", "A1234567", "a 123 4567", "AB12", "", null);
        Arbitrary<String> nationalities = Arbitraries.of("GBR", "gbr", "XXX", "", null);
        Arbitrary<String> emails = Arbitraries.of("a@example.my", "A@Example.MY", "no-at-sign", "a@localhost",
                "a@" + "x".repeat(260) + ".my", "", null);
        Arbitrary<String> phones = Arbitraries.of("012-345 6789", "+44 7700 900123", "03-2345 6789", "12", "", null);
        return Combinators.combine(names, types, numbers, nationalities, emails, phones).as(ApplicantInput::new);
    }

    @Property(tries = 400)
    void theConstraintsGiveTheRulesMessageKeysFieldByField(@ForAll("inputs") ApplicantInput input) {
        List<String> rules = validation.validate(input).errors().stream()
                .map(e -> e.field() + "={" + e.messageKey() + "}").toList();

        List<String> constraints = VALIDATOR.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ApplicantInput> v) ->
                        ApplicantInput.FIELDS.indexOf(v.getPropertyPath().toString())))
                .map(v -> v.getPropertyPath() + "=" + v.getMessageTemplate())
                .toList();

        assertThat(constraints).isEqualTo(rules);
    }

    @Example
    void aValidApplicantMeetsEveryConstraint() {
        assertThat(VALIDATOR.validate(new ApplicantInput("Siti binti Ali", "MYKAD", "900101-14-5678", "", "siti@example.my",
                "012-345 6789"))).isEmpty();
    }
}
