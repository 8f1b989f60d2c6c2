package my.gov.temujanji.applicant;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A person's full name as their document prints it: letters of any script, spaces and the marks of Malaysian names (BIN, A/L, @), at most 150 characters. The message is {@code applicant.fullName.<code>} in the bundles, the
 * code of {@link ApplicantValidation}'s rule, as the JSON API names it.
 */
@Documented
@Constraint(validatedBy = ApplicantConstraints.PersonNameValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
