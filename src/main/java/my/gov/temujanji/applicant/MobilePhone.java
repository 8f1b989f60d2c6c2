package my.gov.temujanji.applicant;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mobile number that can receive an SMS, Malaysian when typed without a country code. The message is {@code applicant.phone.<code>} in the bundles, the
 * code of {@link ApplicantValidation}'s rule, as the JSON API names it.
 */
@Documented
@Constraint(validatedBy = ApplicantConstraints.MobilePhoneValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MobilePhone {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
