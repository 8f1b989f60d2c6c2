package my.gov.temujanji.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import my.gov.temujanji.platform.ApiProblem;
import my.gov.temujanji.platform.LocalizedText;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogue", description = "Departments (Jabatan), branches (Bahagian/Cawangan/Unit) and transaction types (Urusniaga)")
@RequiredArgsConstructor
class CatalogueApiController {

    private final Catalogue catalogue;

    record DepartmentView(String code, LocalizedText name, String state) {
    }

    record BranchView(String code, LocalizedText name, String state, String address) {
    }

    record ServiceView(String code, LocalizedText name, int slotMinutes) {
    }

    @GetMapping("/departments")
    @Operation(summary = "All departments: the headquarters and the state immigration offices")
    List<DepartmentView> departments() {
        return catalogue.departments().stream()
                .map(d -> new DepartmentView(d.code(), d.name(), d.stateCode()))
                .toList();
    }

    @GetMapping("/departments/{code}/branches")
    @Operation(summary = "The branches of one department")
    List<BranchView> branches(@PathVariable String code) {
        catalogue.department(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_DEPARTMENT", code));
        return catalogue.branchesOf(code).stream()
                .map(b -> new BranchView(b.code(), b.name(), b.stateCode(), b.address()))
                .toList();
    }

    @GetMapping("/branches/{branch}/services")
    @Operation(summary = "The transaction types a branch offers, with their slot length there")
    List<ServiceView> services(@PathVariable String branch) {
        catalogue.requireBranch(branch);
        return catalogue.offeringsAt(branch).stream()
                .map(o -> new ServiceView(o.type().code(), o.type().name(), o.slotMinutes()))
                .toList();
    }
}
