package my.gov.temujanji.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.catalogue.Catalogue;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.platform.LocalizedText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The one rule for the branches a staff member sees, with the catalogue stubbed. */
@Tag("fast")
class StaffBranchesTest {

    private static final Branch KUCHING = branch("SWK-KUCHING", "SWK", true);
    private static final Branch MIRI = branch("SWK-MIRI", "SWK", false);
    private static final Branch PUTRAJAYA = branch("HQ-PJY", "HQ", true);

    private final Catalogue catalogue = mock(Catalogue.class);
    private final StaffBranches branches = new StaffBranches(catalogue);

    StaffBranchesTest() {
        for (Branch b : List.of(KUCHING, MIRI, PUTRAJAYA)) {
            when(catalogue.branch(b.code())).thenReturn(Optional.of(b));
        }
        when(catalogue.branch("GONE")).thenReturn(Optional.empty());
        when(catalogue.allBranches()).thenReturn(List.of(PUTRAJAYA, KUCHING, MIRI));
        when(catalogue.departments()).thenReturn(List.of(department("HQ"), department("SWK")));
        when(catalogue.branchesOf("HQ")).thenReturn(List.of(PUTRAJAYA));
        when(catalogue.branchesOf("SWK")).thenReturn(List.of(KUCHING));
    }

    @Test
    void aMemberSeesTheBranchesTheyWorkAtActiveOrNotInTheOrderOfTheirCodesWhateverTheList() {
        StaffMember officer = new StaffMember("siti", "Siti", Role.OFFICER, Set.of("SWK-MIRI", "GONE", "SWK-KUCHING"),
                false);

        assertThat(branches.own(officer)).containsExactly(KUCHING, MIRI);
        assertThat(branches.visible(officer)).containsExactly(KUCHING, MIRI);
        assertThat(branches.toWorkAt(officer)).containsExactly(KUCHING, MIRI);
    }

    @Test
    void aSystemAdministratorWorksAtNoneLooksBackAtEveryBranchAndWorksAtTheActiveOnes() {
        StaffMember admin = new StaffMember("root", "Root", Role.SYSTEM_ADMIN, Set.of(), false);

        assertThat(branches.own(admin)).isEmpty();
        assertThat(branches.visible(admin)).containsExactly(PUTRAJAYA, KUCHING, MIRI);
        assertThat(branches.toWorkAt(admin)).containsExactly(PUTRAJAYA, KUCHING);
    }

    private static Branch branch(String code, String department, boolean active) {
        return new Branch(code, department, department, new LocalizedText(code, code), "Alamat", active);
    }

    private static Department department(String code) {
        return new Department(code, new LocalizedText(code, code), code);
    }
}
