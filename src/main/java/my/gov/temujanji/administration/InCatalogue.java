package my.gov.temujanji.administration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Function;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.catalogue.State;
import my.gov.temujanji.catalogue.TransactionType;
import my.gov.temujanji.platform.Typed;

/** A choice that must name something the catalogue has now, active or not (spaces around it dropped). */
@Documented
@Constraint(validatedBy = InCatalogue.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface InCatalogue {

    What value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum What {
        STATE(c -> c.states().stream().map(State::code).toList()),
        DEPARTMENT(c -> c.allDepartments().stream().map(Department::code).toList()),
        BRANCH(c -> c.allBranches().stream().map(Branch::code).toList()),
        TRANSACTION_TYPE(c -> c.transactionTypes().stream().map(TransactionType::code).toList());

        private final Function<Catalogue, List<String>> codes;

        What(Function<Catalogue, List<String>> codes) {
            this.codes = codes;
        }
    }

    /** Made by Spring's validator factory, which gives it the catalogue. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    class Check implements ConstraintValidator<InCatalogue, String> {

        private final Catalogue catalogue;
        private What what;

        @Override
        public void initialize(InCatalogue rule) {
            this.what = rule.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return what.codes.apply(catalogue).contains(Typed.text(value));
        }
    }
}
