package my.gov.temujanji.applicant;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address the mailer can deliver to (one address, ASCII, at a public host name). The message is {@code applicant.email.<code>} in the bundles, the
 * code of {@link ApplicantValidation}'s rule, as the JSON API names it.
 */
@Documented
@Constraint(validatedBy = ApplicantConstraints.DeliverableEmailValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DeliverableEmail {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
