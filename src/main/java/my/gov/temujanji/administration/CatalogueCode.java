package my.gov.temujanji.administration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import my.gov.temujanji.platform.Typed;

/**
 * A new code for the catalogue, as typed: spaces around it dropped and letters capitalised
 * ({@link Check#normalize}) before it is matched against {@link #pattern}.
 */
@Documented
@Constraint(validatedBy = CatalogueCode.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface CatalogueCode {

    /** Departments and branches, e.g. PNG-BUTTERWORTH. */
    String PLACE = "[A-Z0-9-]{2,40}";
    /** Transaction types, e.g. BKP. */
    String TYPE = "[A-Z]{2,10}";

    String pattern();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CatalogueCode, String> {

        private String pattern;

        static String normalize(String typed) {
            return Typed.text(typed).toUpperCase(Locale.ROOT);
        }

        @Override
        public void initialize(CatalogueCode rule) {
            this.pattern = rule.pattern();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return normalize(value).matches(pattern);
        }
    }
}
