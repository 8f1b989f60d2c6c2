package my.gov.temujanji.applicant;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link ApplicantInput}: a document type, and a number valid for it (a MyKad number with a real birth date and place of birth, or a passport number), and for a passport the holder's nationality. The message is {@code applicant.<field>.<code>} (documentType, documentNumber or nationality) in the bundles, the
 * code of {@link ApplicantValidation}'s rule, as the JSON API names it.
 */
@Documented
@Constraint(validatedBy = ApplicantConstraints.IdentityDocumentValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdentityDocument {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
