package my.gov.temujanji.branchconfig;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.Typed;

/**
 * A day typed as yyyy-MM-dd (a date input's value), today or later in the branch's time: a missing
 * day ({@link #message}), another format ({@link #format}) and a past day ({@link #past}) each have
 * their own message.
 */
@Documented
@Constraint(validatedBy = DayFromToday.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface DayFromToday {

    String message();

    String format();

    String past();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, which gives it the application's clock. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    class Check implements ConstraintValidator<DayFromToday, String> {

        private final Clock clock;
        private DayFromToday rule;

        /** The day a valid answer names. */
        static LocalDate parse(String typed) {
            return LocalDate.parse(typed.strip());
        }

        /** The message template for what is wrong with {@code typed}, or null when it is a day from {@code today}. */
        static String problem(String typed, LocalDate today, DayFromToday rule) {
            String text = Typed.text(typed);
            if (text.isEmpty()) {
                return rule.message();
            }
            try {
                return LocalDate.parse(text).isBefore(today) ? rule.past() : null;
            } catch (DateTimeParseException e) {
                return rule.format();
            }
        }

        @Override
        public void initialize(DayFromToday rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = problem(value, LocalDate.now(clock), rule);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            }
            return problem == null;
        }
    }
}
