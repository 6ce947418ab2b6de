package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;
import dev.kassa.infra.SuiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;

/**
 * A measuring command's own suite ({@code infra/kassa bench}, {@code infra/kassa failover}): started in a fresh data folder
 * under {@code infra/target}, stopped by Ctrl-C or SIGTERM as {@code infra/kassa up} is, its services' logs kept in
 * {@code infra/target/<name>-logs-<time>} when the run misses a target (the rest of its data goes), and the process's exit
 * status the run's.
 */
final class SuiteRun {

    /** The work done with the started suite; answers the exit status (0: every target met). */
    interface Work {
        int run(Suite suite) throws Exception;
    }

    private SuiteRun() {}

    static void exitWith(String name, String starting, Function<Path, SuiteConfig> config, Duration timeout, Work work)
            throws Exception {
        Path root = root();
        Path data = Files.createTempDirectory(Files.createDirectories(root.resolve("infra/target")), name + "-data");
        System.out.println(starting + " in " + data + " …");
        Suite suite = Suite.start(config.apply(data), timeout);
        // Ctrl-C or SIGTERM in the middle of a run stops the suite it started, as `infra/kassa up` does
        Thread stopOnSignal = new Thread(() -> {
            suite.close();
            deleteQuietly(data);
        });
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        int exit = 1;
        try {
            exit = work.run(suite);
        } finally {
            suite.close();
            if (exit != 0) {
                keepLogs(
                        data.resolve("logs"),
                        root.resolve("infra/target/" + name + "-logs-"
                                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
            }
            deleteQuietly(data);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // a signal came during the last steps: the hook runs them again, harmlessly
            }
        }
        System.exit(exit);
    }

    /** The project's root ({@code -Dkassa.root}, set by {@code infra/kassa}). */
    static Path root() {
        return Path.of(System.getProperty("kassa.root", ".")).toAbsolutePath().normalize();
    }

    private static void keepLogs(Path logs, Path kept) {
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
            System.out.println("The services' logs of this run are kept in " + kept);
        } catch (IOException e) {
            System.out.println("The services' logs could not be kept: " + e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
