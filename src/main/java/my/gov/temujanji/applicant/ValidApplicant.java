package my.gov.temujanji.applicant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import my.gov.temujanji.platform.FieldViolations;

/**
 * On an {@link ApplicantInput}: every field meets {@link ApplicantValidation}'s rule (a name as the
 * document prints it, a document type and a number valid for it, a passport holder's nationality, an
 * address the mailer can deliver to, a mobile number). Each field's first problem is reported at that
 * field with the message {@code {applicant.<field>.<code>}}, the code the JSON API names: one rule for
 * the pages and the API.
 */
@Documented
@Constraint(validatedBy = ValidApplicant.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidApplicant {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ValidApplicant, ApplicantInput> {

        @Override
        public boolean isValid(ApplicantInput input, ConstraintValidatorContext context) {
            var problems = ApplicantValidation.problems(input);
            problems.forEach(e -> FieldViolations.reject(context, e.field(), e.messageKey()));
            return problems.isEmpty();
        }
    }
}
