package my.gov.temujanji.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A day typed into a text field as YYYY-MM-DD, spaces around it ignored. A blank field is valid: the
 * form says what it means (no limit, or a default day).
 */
@Documented
@Constraint(validatedBy = IsoDay.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDay {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IsoDay, String> {

        /** The day a valid answer names, or null for a blank one. */
        public static LocalDate parse(String typed) {
            String text = Typed.text(typed);
            return text.isEmpty() ? null : LocalDate.parse(text);
        }

        /** The day typed, {@code blank} for a blank field, or null for one mistyped (its error is this constraint's). */
        public static LocalDate dayOr(String typed, LocalDate blank) {
            try {
                LocalDate day = parse(typed);
                return day == null ? blank : day;
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
