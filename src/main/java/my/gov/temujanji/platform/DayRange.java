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
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;

/**
 * A filter form's period ({@link Period}): its last day not before its first ({@link #message}), and,
 * when {@link #maxDays} is set, no more days than that ({@link #tooLong}, whose text may say
 * {@code {maxDays}}). Both are the {@code to} field's problems. A day mistyped is its own field's ({@link IsoDay}), and then the
 * period is not judged.
 */
@Documented
@Constraint(validatedBy = DayRange.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DayRange {

    /** The most days a period may have; 0 for no limit. */
    int maxDays() default 0;

    String message();

    String tooLong() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A form with a period: the days it asks for, with its defaults for a blank field. */
    interface Period {

        /** The first day, or null for none (blank without a default) or one mistyped. */
        LocalDate firstDay(LocalDate today);

        /** The last day, or null likewise. */
        LocalDate lastDay(LocalDate today);
    }

    /** Made by Spring's validator factory, which gives it the application's clock (a default may be today's). */
    @RequiredArgsConstructor
    class Check implements ConstraintValidator<DayRange, Period> {

        private final Clock clock;
        private DayRange rule;

        @Override
        public void initialize(DayRange rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(Period period, ConstraintValidatorContext context) {
            LocalDate today = LocalDate.now(clock);
            LocalDate first = period.firstDay(today);
            LocalDate last = period.lastDay(today);
            if (first == null || last == null) {
                return true;
            }
            String problem = last.isBefore(first) ? rule.message()
                    : rule.maxDays() > 0 && ChronoUnit.DAYS.between(first, last) + 1 > rule.maxDays() ? rule.tooLong()
                    : null;
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addPropertyNode("to").addConstraintViolation();
            }
            return problem == null;
        }
    }
}
