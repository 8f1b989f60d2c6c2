package my.gov.temujanji.administration;

import java.util.List;
import my.gov.temujanji.administration.AdminForms.New;
import my.gov.temujanji.administration.InCatalogue.What;
import my.gov.temujanji.catalogue.Branch;
import my.gov.temujanji.platform.RequiredText;

/**
 * A branch's form as typed: {@code code} and {@code hoursFrom} (whose weekly hours it starts with) when
 * it is created, {@code active} ("true" when ticked) when it is changed.
 */
record BranchForm(
        @CatalogueCode(pattern = CatalogueCode.PLACE, message = "{admin.error.code}", groups = New.class) String code,
        @InCatalogue(value = What.DEPARTMENT, message = "{admin.error.department}") String department,
        @InCatalogue(value = What.STATE, message = "{admin.error.state}") String state,
        @RequiredText(max = Names.MAX, message = "{admin.error.nameMs}") String nameMs,
        @RequiredText(max = Names.MAX, message = "{admin.error.nameEn}") String nameEn,
        @RequiredText(max = 500, message = "{admin.error.address}") String address,
        @InCatalogue(value = What.BRANCH, message = "{admin.error.hoursFrom}", groups = New.class) String hoursFrom,
        String active) {

    static final List<String> FIELDS = List.of("code", "department", "state", "nameMs", "nameEn", "address",
            "hoursFrom");

    static BranchForm blank() {
        return new BranchForm(null, null, null, null, null, null, null, null);
    }

    static BranchForm of(Branch b) {
        return new BranchForm(b.code(), b.departmentCode(), b.stateCode(), b.name().ms(), b.name().en(), b.address(),
                null, String.valueOf(b.active()));
    }

    /** A new branch is active; a changed one as its box says. */
    Branch branch(String existing) {
        return new Branch(existing != null ? existing : CatalogueCode.Check.normalize(code), department.strip(), state.strip(),
                Names.of(nameMs, nameEn), address.strip(), existing == null || "true".equals(active));
    }
}
