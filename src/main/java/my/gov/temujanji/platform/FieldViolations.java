package my.gov.temujanji.platform;

import jakarta.validation.ConstraintValidatorContext;

/**
 * How a form's own rule (a constraint on the whole record) reports a problem of one of its fields, so
 * that {@link FormErrors} shows it at that field.
 */
public final class FieldViolations {

    private FieldViolations() {
    }

    /** Reports the message {@code {messageKey}} at {@code field}, instead of the constraint's own; false: not valid. */
    public static boolean reject(ConstraintValidatorContext context, String field, String messageKey) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("{" + messageKey + "}").addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
