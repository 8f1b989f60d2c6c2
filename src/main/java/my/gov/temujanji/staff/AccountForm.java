package my.gov.temujanji.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.platform.FieldViolations;
import my.gov.temujanji.platform.RequiredText;
import my.gov.temujanji.platform.Typed;

/**
 * A new staff account as the form sends it: the username in small letters and the name without the
 * spaces around them (as the page shows them again); a role that works at branches needs at least one,
 * each one the catalogue has.
 */
@AccountForm.RoleAndBranches
record AccountForm(
        @Pattern(regexp = "[a-z][a-z0-9._-]{2,39}", message = "{staff.accounts.error.username}") String username,
        @RequiredText(max = 200, message = "{staff.accounts.error.displayName}") String displayName,
        String role,
        List<String> branches) {

    static final List<String> FIELDS = List.of("username", "displayName", "role", "branches");

    AccountForm {
        username = Typed.text(username).toLowerCase(Locale.ROOT);
        displayName = Typed.text(displayName);
        branches = branches == null ? List.of() : branches;
    }

    /** The role chosen, or null for none or an unknown one. */
    Role chosenRole() {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
    }

    Set<String> chosenBranches() {
        return new LinkedHashSet<>(branches);
    }

    /** A role, and for a role that works at branches, known branches: each problem on its own field. */
    @Documented
    @Constraint(validatedBy = RoleAndBranches.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface RoleAndBranches {

        String message() default "{staff.accounts.error.role}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Made by Spring's validator factory, which gives it the catalogue. */
        @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
        class Check implements ConstraintValidator<RoleAndBranches, AccountForm> {

            private final Catalogue catalogue;

            @Override
            public boolean isValid(AccountForm form, ConstraintValidatorContext context) {
                Role role = form.chosenRole();
                String field = role == null ? "role"
                        : role.hasBranches() && (form.branches().isEmpty()
                                || !form.branches().stream().allMatch(b -> catalogue.branch(b).isPresent()))
                        ? "branches" : null;
                return field == null || FieldViolations.reject(context, field, "staff.accounts.error." + field);
            }
        }
    }
}
