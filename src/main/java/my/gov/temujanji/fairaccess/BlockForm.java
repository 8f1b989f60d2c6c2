package my.gov.temujanji.fairaccess;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.DocumentNumbers;
import my.gov.temujanji.platform.FieldViolations;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A block as the form sends it, as typed: a document (its type and number) or an e-mail address, not
 * both; a reason; an optional internal note; the last day, after today, as day/month/year.
 */
@BlockForm.Rules
record BlockForm(String documentType, String documentNumber, String email, String reason, String note,
        String lastDay) {

    static final List<String> FIELDS = List.of("documentType", "documentNumber", "email", "reason", "note",
            "lastDay");
    static final int NOTE_MAX = 500;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    static BlockForm empty() {
        return new BlockForm(null, null, null, null, null, null);
    }

    /** The block a valid form places. */
    Blocks.NewBlock block() {
        String number = number();
        return new Blocks.NewBlock(number == null ? null : documentType, number, address(), blockReason(),
                blank(note) ? null : note.strip(), LocalDate.parse(lastDay.strip(), DAY));
    }

    private String number() {
        return blank(documentNumber) ? null : DocumentNumbers.normalise(documentNumber);
    }

    private String address() {
        return blank(email) ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private BlockReason blockReason() {
        return Arrays.stream(BlockReason.values()).filter(r -> r.name().equals(reason)).findFirst().orElse(null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Each rule's problem on its own field, as the messages {@code blocks.error.*} say it. */
    @Documented
    @Constraint(validatedBy = Rules.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {

        String message() default "{blocks.error.subject}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Made by Spring's validator factory, which gives it the application's clock. */
        @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
        class Check implements ConstraintValidator<Rules, BlockForm> {

            private final Clock clock;

            @Override
            public boolean isValid(BlockForm form, ConstraintValidatorContext context) {
                context.disableDefaultConstraintViolation();
                boolean valid = subject(form, context);
                if (form.blockReason() == null) {
                    valid = fail(context, "reason", "reason");
                }
                if (!blank(form.note()) && form.note().strip().length() > NOTE_MAX) {
                    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("max", NOTE_MAX);
                    valid = fail(context, "note", "note");
                }
                if (blank(form.lastDay())) {
                    valid = fail(context, "lastDay", "lastDay.required");
                } else {
                    try {
                        if (!LocalDate.parse(form.lastDay().strip(), DAY).isAfter(LocalDate.now(clock))) {
                            valid = fail(context, "lastDay", "lastDay.past");
                        }
                    } catch (DateTimeParseException e) {
                        valid = fail(context, "lastDay", "lastDay.format");
                    }
                }
                return valid;
            }

            /** A document of a known type with a number of its kind, or an e-mail address: exactly one. */
            private static boolean subject(BlockForm form, ConstraintValidatorContext context) {
                String number = form.number();
                String email = form.address();
                String type = form.documentType();
                if (number == null && email == null) {
                    return fail(context, "documentNumber", "subject");
                } else if (number != null && email != null) {
                    return fail(context, "documentNumber", "both");
                } else if (number != null) {
                    if (!"MYKAD".equals(type) && !"PASSPORT".equals(type)) {
                        return fail(context, "documentType", "documentType");
                    } else if ("MYKAD".equals(type) && DocumentNumbers.myKad(number) == null) {
                        return fail(context, "documentNumber", "myKad");
                    } else if (!number.matches("[A-Z0-9]{6,20}")) {
                        return fail(context, "documentNumber", "documentNumber");
                    }
                } else if (!EMAIL.matcher(email).matches()) {
                    return fail(context, "email", "email");
                }
                return true;
            }

            private static boolean fail(ConstraintValidatorContext context, String field, String problem) {
                return FieldViolations.reject(context, field, "blocks.error." + problem);
            }
        }
    }
}
