package my.gov.temujanji.applicant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The validators of the applicant's constraints: each reports the first problem of its field with the
 * message {@code {applicant.<field>.<code>}}, resolved in the reader's language from the bundles.
 */
public final class ApplicantConstraints {

    private ApplicantConstraints() {
    }

    /** Reports {@code code} at {@code field} (null: the annotated element itself); true when there is none. */
    private static boolean report(ConstraintValidatorContext context, String field, String code, String node) {
        if (code == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        var violation = context.buildConstraintViolationWithTemplate("{applicant." + field + "." + code + "}");
        if (node != null) {
            violation.addPropertyNode(node).addConstraintViolation();
        } else {
            violation.addConstraintViolation();
        }
        return false;
    }

    public static final class PersonNameValidator implements ConstraintValidator<PersonName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return report(context, "fullName", ApplicantValidation.nameProblem(value), null);
        }
    }

    public static final class MobilePhoneValidator implements ConstraintValidator<MobilePhone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return report(context, "phone", ApplicantValidation.phoneProblem(value), null);
        }
    }

    public static final class DeliverableEmailValidator implements ConstraintValidator<DeliverableEmail, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return report(context, "email", ApplicantValidation.emailProblem(value), null);
        }
    }

    public static final class IdentityDocumentValidator implements ConstraintValidator<IdentityDocument, ApplicantInput> {

        @Override
        public boolean isValid(ApplicantInput input, ConstraintValidatorContext context) {
            DocumentType type = ApplicantValidation.documentType(input.documentType());
            // Each field's problem is reported, so all three report() calls run.
            boolean typeValid = report(context, "documentType", type == null ? "REQUIRED" : null, "documentType");
            boolean numberValid = report(context, "documentNumber",
                    ApplicantValidation.documentNumberProblem(type, input.documentNumber()), "documentNumber");
            boolean nationalityValid = report(context, "nationality",
                    ApplicantValidation.nationalityProblem(type, input.nationality()), "nationality");
            return typeValid && numberValid && nationalityValid;
        }
    }
}
