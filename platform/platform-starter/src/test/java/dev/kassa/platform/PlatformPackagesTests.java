package dev.kassa.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * The same rule read from the sources: a constant another package declares is inlined by the compiler, so the classes
     * alone do not show that a package uses it (issue 61: tenancy read the files module's migration location).
     */
    @Test
    void platformPackagesDoNotDependOnEachOtherInACycleInTheirSources() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Pattern reference = Pattern.compile("dev\\.kassa\\.platform\\.([a-z]+)\\.");
        for (String module : List.of("../platform-core/src/main/java", "src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(module, "dev/kassa/platform"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path relative = Path.of(module, "dev/kassa/platform").relativize(file);
                    if (relative.getNameCount() < 2) {
                        continue;
                    }
                    String from = relative.getName(0).toString();
                    Matcher m = reference.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(1).equals(from)) {
                            uses.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                        }
                    }
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        uses.forEach((from, targets) -> targets.forEach(to -> {
            if (reaches(uses, to, from, new HashSet<>())) {
                cycles.add(from + " -> " + to);
            }
        }));
        assertThat(uses).as("the sources were read").containsKey("tenancy");
        assertThat(cycles)
                .as("packages whose sources use each other in a cycle")
                .isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, to, seen));
    }
}
