package my.gov.temujanji.administration;

import java.util.List;
import my.gov.temujanji.administration.AdminForms.New;
import my.gov.temujanji.administration.InCatalogue.What;
import my.gov.temujanji.catalogue.Department;
import my.gov.temujanji.platform.RequiredText;

/** A department's form as typed; {@code code} only when it is created. */
record DepartmentForm(
        @CatalogueCode(pattern = CatalogueCode.PLACE, message = "{admin.error.code}", groups = New.class) String code,
        @RequiredText(max = Names.MAX, message = "{admin.error.nameMs}") String nameMs,
        @RequiredText(max = Names.MAX, message = "{admin.error.nameEn}") String nameEn,
        @InCatalogue(value = What.STATE, message = "{admin.error.state}") String state) {

    static final List<String> FIELDS = List.of("code", "nameMs", "nameEn", "state");

    static DepartmentForm blank() {
        return new DepartmentForm(null, null, null, null);
    }

    static DepartmentForm of(Department d) {
        return new DepartmentForm(d.code(), d.name().ms(), d.name().en(), d.stateCode());
    }

    Department department(String existing) {
        return new Department(existing != null ? existing : CatalogueCode.Check.normalize(code), Names.of(nameMs, nameEn),
                state.strip());
    }
}
