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

/**
 * A number typed into a text field: a whole number from {@code from} to {@code to}, spaces around it
 * ignored; anything else (letters, a fraction, out of range) is the same mistake.
 *
 * <p>The message may use Spring's {@code {0}} (the field's label: the code {@code objectName.field},
 * so name the form's model attribute after the bundle's label prefix), {@code {1}} ({@code from}) and
 * {@code {2}} ({@code to}): Spring passes a constraint's attributes in alphabetical order, which is
 * why the blank switch sorts after {@code to}.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    int from();

    int to();

    /** A blank field is valid (the value is then "not set"). */
    boolean unlessBlank() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumber, String> {

        private WholeNumber rule;

        /** The number a valid answer stands for, or null for a blank one. */
        public static Integer parse(String typed) {
            String text = Typed.text(typed);
            return text.isEmpty() ? null : Integer.valueOf(text);
        }

        @Override
        public void initialize(WholeNumber rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = Typed.text(value);
            if (text.isEmpty()) {
                return rule.unlessBlank();
            }
            try {
                int n = Integer.parseInt(text);
                return n >= rule.from() && n <= rule.to();
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
