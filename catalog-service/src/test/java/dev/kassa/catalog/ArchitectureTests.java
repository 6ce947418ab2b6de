package dev.kassa.catalog;

import dev.kassa.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The house style's rules that the build enforces (see {@link ArchitectureRules}), and the service's two modules. */
class ArchitectureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CatalogApplication.class);

    @Test
    void theServiceFollowsTheHouseStyle() {
        ArchitectureRules.check("dev.kassa.catalog");
    }

    @Test
    void theCatalogueAndTheInventoryAreModulesThatMeetOnlyThroughTheirApis() {
        MODULES.verify();
    }

    /** The modules' diagrams and canvases under {@code docs/modules/catalog}, written afresh by every build. */
    @Test
    void theModulesAreDrawn() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules/catalog"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
