package my.gov.temujanji;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TemujanjiApplication.class);

    @Test
    void capabilitiesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /** Regenerates docs/modules (committed): the module diagram, one diagram and one canvas per capability. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(Path.of("docs/modules/components.puml")).exists();
        assertThat(Path.of("docs/modules/module-booking.puml")).exists();
        assertThat(Path.of("docs/modules/module-booking.adoc")).exists();
    }
}
