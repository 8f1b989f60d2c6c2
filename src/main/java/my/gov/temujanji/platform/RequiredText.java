package my.gov.temujanji.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A text that must be given, at most {@code max} characters once the spaces around it are dropped. */
@Documented
@Constraint(validatedBy = RequiredText.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredText {

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<RequiredText, String> {

        private int max;

        @Override
        public void initialize(RequiredText rule) {
            this.max = rule.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = Typed.text(value);
            return !text.isEmpty() && text.length() <= max;
        }
    }
}
