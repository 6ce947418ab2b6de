package dev.kassa.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's own packages (core and starter) follow the rule the services do: no cycle between them. The platform's
 * Kafka consumers sit in {@code messaging}, above tenancy and security; the directory reads through auth by an
 * {@code EmployeeLookup} that security provides; the web layer's client addresses and the roles published per operation
 * no longer reach into security.
 */
class PlatformPackagesTests {

    private final JavaClasses platform = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/platform-test/") && !location.contains("platform-test-"))
            .importPackages("dev.kassa.platform");

    @Test
    void platformPackagesDoNotDependOnEachOtherInACycle() {
        slices().matching("dev.kassa.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .as("the platform's packages do not depend on each other in a cycle")
                .check(platform);
    }
}
