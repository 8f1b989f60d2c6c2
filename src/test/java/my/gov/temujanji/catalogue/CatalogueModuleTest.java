package my.gov.temujanji.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.LocalizedText;
import my.gov.temujanji.support.BranchFixture;
import my.gov.temujanji.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue started alone (with the platform it stands on), on the embedded database: what
 * applicants are offered follows the active flags of the branch and of its offerings, while the back
 * office and the slips of appointments already booked still find what was switched off.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CatalogueModuleTest {

    @Autowired
    Catalogue catalogue;
    @Autowired
    CatalogueChanges changes;
    @Autowired
    TransactionTemplate transaction;

    Branch branch;
    TransactionType type;

    @BeforeEach
    void setUp() {
        type = catalogue.transactionTypes().get(0);
        branch = new BranchFixture(changes, catalogue, transaction).branch(type.code());
    }

    @Test
    void applicantsAreOfferedABranchOnlyWhileItAndItsOfferingAreActive() {
        assertThat(catalogue.department(branch.departmentCode())).isPresent();
        assertThat(catalogue.branchesOf(branch.departmentCode())).containsExactly(branch);
        assertThat(catalogue.offeringsAt(branch.code())).containsExactly(
                new Offering(branch, type, type.slotMinutes(), BranchFixture.CAPACITY, true));
        assertThat(catalogue.requireOffered(branch.code(), type.code()).offered()).isTrue();

        transaction.executeWithoutResult(status -> assertThat(changes.save(new CatalogueChanges.OfferingSettings(
                branch.code(), type.code(), type.slotMinutes(), BranchFixture.CAPACITY, false)))
                .contains(new CatalogueChanges.OfferingSettings(branch.code(), type.code(), type.slotMinutes(),
                        BranchFixture.CAPACITY, true)));
        assertThat(catalogue.offeringsAt(branch.code())).isEmpty();
        assertThat(catalogue.requireOffering(branch.code(), type.code()).active()).isFalse();
        assertThatThrownBy(() -> catalogue.requireOffered(branch.code(), type.code()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(p.code()).isEqualTo("UNKNOWN_SERVICE");
                    assertThat(p.arguments()).containsExactly(type.code(), branch.code());
                });
        // Its only branch still active, the department is still offered.
        assertThat(catalogue.department(branch.departmentCode())).isPresent();

        Branch closed = new Branch(branch.code(), branch.departmentCode(), branch.stateCode(), branch.name(),
                branch.address(), false);
        transaction.executeWithoutResult(status -> assertThat(changes.update(closed)).contains(branch));
        assertThat(catalogue.department(branch.departmentCode())).isEmpty();
        assertThat(catalogue.allDepartments()).extracting(Department::code).contains(branch.departmentCode());
        assertThat(catalogue.branchesOf(branch.departmentCode())).isEmpty();
        assertThat(catalogue.branch(branch.code())).contains(closed);
        assertThatThrownBy(() -> catalogue.requireBranch(branch.code()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("UNKNOWN_BRANCH"));
        assertThatThrownBy(() -> catalogue.requireOffered(branch.code(), type.code()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("UNKNOWN_BRANCH"));
    }

    @Test
    void aCodeOnceTakenIsNeverTakenAgainNorChanged() {
        Branch again = new Branch(branch.code(), branch.departmentCode(), branch.stateCode(),
                new LocalizedText("Lain", "Other"), "Elsewhere", true);
        Boolean created = transaction.execute(status -> changes.create(again));

        assertThat(created).isFalse();
        assertThat(catalogue.branch(branch.code())).contains(branch);
        Optional<Branch> updated = transaction.execute(status -> changes.update(new Branch("FX-NONE",
                branch.departmentCode(), branch.stateCode(), branch.name(), branch.address(), true)));
        assertThat(updated).isEmpty();
        assertThat(catalogue.branch("FX-NONE")).isEmpty();
    }
}
