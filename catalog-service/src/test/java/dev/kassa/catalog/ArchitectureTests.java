package dev.kassa.catalog;

import dev.kassa.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.util.Map;
import java.util.Set;

/** The house style's rules that the build enforces (see {@link ArchitectureRules}), and the service's two modules. */
class ArchitectureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CatalogApplication.class);

    /**
     * The tables a module lets the other read in SQL (its package-info says so): the catalogue's reference tables, which
     * the inventory joins for names, codes and recipes; the inventory publishes none (the catalogue reads stock through
     * its {@code StockFigures}).
     */
    static final Map<String, Set<String>> PUBLISHED = Map.of(
            "catalogue",
            Set.of(
                    "products",
                    "categories",
                    "units",
                    "product_barcodes",
                    "scanned_codes",
                    "recipe_components",
                    "modifier_groups",
                    "modifier_options",
                    "product_modifier_groups"));

    @Test
    void theServiceFollowsTheHouseStyle() {
        ArchitectureRules.check("dev.kassa.catalog", PUBLISHED);
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
