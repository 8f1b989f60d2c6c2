package my.gov.temujanji.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.FieldViolations;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A member's change of their own password, as typed (passwords are taken as they are, spaces too). */
@PasswordForm.Rules
record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;
    static final List<String> FIELDS = List.of("currentPassword", "newPassword", "confirmPassword");

    PasswordForm {
        currentPassword = currentPassword == null ? "" : currentPassword;
        newPassword = newPassword == null ? "" : newPassword;
        confirmPassword = confirmPassword == null ? "" : confirmPassword;
    }

    /**
     * The signed-in member's current password, and a new one long enough, not their username, not the
     * current one, typed twice the same.
     */
    @Documented
    @Constraint(validatedBy = Rules.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {

        String message() default "{staff.password.error.current}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Made by Spring's validator factory, which gives it who is signed in and their password's hash. */
        @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
        class Check implements ConstraintValidator<Rules, PasswordForm> {

            private final CurrentStaff current;
            private final StaffAccounts accounts;
            private final PasswordEncoder passwords;

            @Override
            public boolean isValid(PasswordForm form, ConstraintValidatorContext context) {
                context.disableDefaultConstraintViolation();
                context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("min", MIN_LENGTH);
                String username = current.get().username();
                String hash = accounts.find(username).orElseThrow().passwordHash();
                String password = form.currentPassword();
                boolean valid = true;
                if (password.isEmpty() || password.length() > MAX_LENGTH || !passwords.matches(password, hash)) {
                    valid = fail(context, "currentPassword", "current");
                }
                String problem = newPasswordProblem(form, username);
                return problem == null ? valid
                        : fail(context, "confirm".equals(problem) ? "confirmPassword" : "newPassword", problem);
            }

            private static String newPasswordProblem(PasswordForm form, String username) {
                String password = form.newPassword();
                if (password.length() < MIN_LENGTH) {
                    return "short";
                } else if (password.length() > MAX_LENGTH) {
                    return "long";
                } else if (password.strip().equalsIgnoreCase(username)) {
                    return "username";
                } else if (password.equals(form.currentPassword())) {
                    return "same";
                }
                return password.equals(form.confirmPassword()) ? null : "confirm";
            }

            private static boolean fail(ConstraintValidatorContext context, String field, String problem) {
                return FieldViolations.reject(context, field, "staff.password.error." + problem);
            }
        }
    }
}
