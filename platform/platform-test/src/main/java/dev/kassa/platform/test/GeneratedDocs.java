package dev.kassa.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document generated from the sources and committed beside them ({@code docs/events.md}, {@code docs/asyncapi.json}):
 * the build fails when the committed file differs from what the sources generate, and
 * {@code -Dkassa.events.write=true} rewrites it.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {}

    /** Fails unless {@code file} holds exactly {@code generated}; writes it first with {@code -Dkassa.events.write=true}. */
    public static void assertCurrent(Path file, String generated) {
        try {
            if (Boolean.getBoolean("kassa.events.write")) {
                Files.writeString(file, generated);
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing: write it with -Dkassa.events.write=true");
            }
            if (!Files.readString(file).equals(generated)) {
                throw new AssertionError(file + " is out of date: run ./mvnw -pl platform/platform-test test "
                        + "-Dkassa.events.write=true");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
