package dev.kassa.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's own packages (core and starter) follow the rule the services do: no cycle between them. The cycles that
 * exist (security and tenancy with events and web: the security filters write the error body, the employee directory
 * calls auth with a service token) are frozen in {@code src/test/resources/archunit-store}: a new one fails the build,
 * and the record shrinks as they go. In issue 39 the one between the web layer's client addresses and the gateway-call
 * filter went, and the one between web and security (the roles published per operation are security's
 * {@code OperationRoles} now).
 */
class PlatformPackagesTests {

    private final JavaClasses platform = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/platform-test/") && !location.contains("platform-test-"))
            .importPackages("dev.kassa.platform");

    @Test
    void platformPackagesDoNotDependOnEachOtherInACycle() {
        FreezingArchRule.freeze(slices().matching("dev.kassa.platform.(*)..")
                        .should()
                        .beFreeOfCycles()
                        .as("the platform's packages do not depend on each other in a cycle"))
                .check(platform);
    }
}
