package dev.kassa.platform.test;

import org.junit.jupiter.api.Test;

import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No method or constructor of the product's main code, benchmark and test support included, runs over {@value #MOST}
 * lines: a method that grows past it does several things, and is split along them (a statement, a check, a step of
 * the use case), beside {@link ClassSizeTests}' limit on a class.
 */
class MethodSizeTests {

    static final int MOST = 60;

    private static final Path ROOT = Path.of("../..");

    @Test
    void noMainMethodRunsOverSixtyLines() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(ROOT)) {
            files = paths.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList();
        }
        List<String> over = MethodSizes.ofFiles(ROOT, files).stream()
                .filter(method -> method.lines() > MOST)
                .map(MethodSizes.Method::toString)
                .sorted()
                .toList();
        assertThat(files).isNotEmpty();
        assertThat(over)
                .as("main methods over %d lines: split each along what it does", MOST)
                .isEmpty();
    }

    @Test
    void theGateFindsAMethodOfSixtyOneLinesAndPassesOneOfSixty() {
        String text =
                """
                class Generated {

                    /** Not counted: a method's Javadoc is not part of it. */
                    @Deprecated
                    void tooLong() {
                %s    }

                    Generated() {
                %s    }

                    void longEnough() {
                %s    }

                    record Line(int number) {
                        Line {
                %s        }
                    }
                }
                """
                        .formatted(statements(58), statements(59), statements(58), statements(59));

        List<MethodSizes.Method> methods = MethodSizes.of(List.of(source("Generated", text)));

        assertThat(methods.stream().collect(Collectors.toMap(MethodSizes.Method::name, MethodSizes.Method::lines)))
                .isEqualTo(Map.of(
                        "Generated.tooLong", 61L,
                        "Generated", 61L,
                        "Generated.longEnough", 60L,
                        "Generated.Line", 61L));
        assertThat(methods.get(0).line()).as("from its annotation on").isEqualTo(4);
        assertThat(methods.stream().filter(method -> method.lines() > MOST).map(MethodSizes.Method::name))
                .containsExactly("Generated.tooLong", "Generated", "Generated.Line");
    }

    private static String statements(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "int a" + i + " = " + i + ";\n")
                .collect(Collectors.joining());
    }

    private static JavaFileObject source(String name, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }
}
