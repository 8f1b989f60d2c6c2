package my.gov.temujanji;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void capabilitiesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(TemujanjiApplication.class).verify();
    }
}
