package dev.kassa.platform.test;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class of the product's main code, benchmark and test support included, runs over {@value #MOST} lines (issue 61): a
 * file that grows past it holds several things, and is split along them (a table's writer, a use case, a URL group).
 */
class ClassSizeTests {

    static final int MOST = 400;

    private static final Path ROOT = Path.of("../..");

    @Test
    void noMainClassRunsOverFourHundredLines() throws IOException {
        List<String> over;
        try (Stream<Path> files = Files.walk(ROOT)) {
            over = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> lines(p) > MOST)
                    .map(p -> ROOT.relativize(p) + " (" + lines(p) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(over)
                .as("main classes over %d lines: split them along what they hold", MOST)
                .isEmpty();
    }

    @Test
    void theRepositoryRootIsWhereTheModulesAre() {
        assertThat(ROOT.resolve("sales-service/src/main/java")).isDirectory();
        assertThat(ROOT.resolve("infra/src/main/java")).isDirectory();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
