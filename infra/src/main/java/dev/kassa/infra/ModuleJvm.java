package dev.kassa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the suite runs a module in its own JVM: its jar extracted to Spring Boot's layout (faster class loading than the
 * nested jar) and the java command line of the suite's mode, with a class-data-sharing archive: the first run records it
 * when the suite stops, later runs start from it (about three times faster per service). A rebuilt jar is extracted
 * again and gets a new archive.
 */
final class ModuleJvm {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** Laptop mode: quick start-up and small heaps (C1 only, no optimising compiler). */
    private static final List<String> FAST_START_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx200m",
            "-Xss512k",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8");
    /** Production and benchmark mode: the optimising compiler and heaps that keep young collections rare under load. */
    /*
     * The heap grows under load and gives memory back afterwards (free ratios 15–40 %: the default 70 % kept each JVM at
     * its peak, 3.3 GB in all after a benchmark run). The code cache is the JVM's default size, as in the images: with
     * 64 MB a service's 45 MB of compiled code kept it so full that the sweeper threw out code that was then compiled
     * again, and the compiler threads still took a fifth of the suite's CPU after six minutes of load (flight recordings
     * and the benchmark's warm-up row). Only what is used is resident.
     */
    private static final List<String> FULL_JIT_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms48m",
            "-XX:MinHeapFreeRatio=15",
            "-XX:MaxHeapFreeRatio=40",
            "-Xss512k",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=240m",
            "-XX:CICompilerCount=2",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8");

    private final SuiteConfig config;
    private final Processes processes;

    ModuleJvm(SuiteConfig config, Processes processes) {
        this.config = config;
        this.processes = processes;
    }

    /** Throws unless every module's jar and the broker's libraries are built. */
    void requireJars() {
        for (String module : Stream.concat(Stream.of("discovery", "gateway"), SuiteConfig.SERVICES.stream())
                .toList()) {
            if (!Files.isRegularFile(jar(module))) {
                throw new IllegalStateException(
                        "Missing " + jar(module) + ": build first (./mvnw -DskipTests package)");
            }
        }
        if (!Files.isDirectory(config.root().resolve("infra/target/kafka-libs"))) {
            throw new IllegalStateException(
                    "Missing infra/target/kafka-libs: build first (./mvnw -DskipTests package)");
        }
    }

    private Path jar(String module) {
        return config.root().resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    /** Extracts a module's jar into the data folder, unless an extraction newer than the jar is there already. */
    void extract(String module) {
        Path apps = config.dataDir().resolve("apps");
        Path dir = apps.resolve(module);
        Path extracted = dir.resolve(module + "-" + VERSION + ".jar");
        Path archive = apps.resolve(module + ".jsa");
        try {
            if (!Files.exists(extracted)
                    || Files.getLastModifiedTime(jar(module)).compareTo(Files.getLastModifiedTime(extracted)) > 0) {
                Files.deleteIfExists(archive);
                SuiteFiles.deleteRecursively(dir);
                SuiteFiles.mkdirs(apps);
                processes.run(
                        module + "-extract",
                        List.of(
                                java(),
                                "-Djarmode=tools",
                                "-jar",
                                jar(module).toAbsolutePath().toString(),
                                "extract",
                                "--destination",
                                dir.toAbsolutePath().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that runs an extracted module; {@code recordsArchive}: it writes the class-data archive on exit. */
    List<String> command(String module, boolean recordsArchive) {
        Path apps = config.dataDir().resolve("apps");
        Path extracted = apps.resolve(module).resolve(module + "-" + VERSION + ".jar");
        Path archive = apps.resolve(module + ".jsa");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags(module, module));
        if (config.classDataSharing()) {
            if (Files.exists(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
            } else if (recordsArchive) {
                command.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
            }
        }
        command.add("-jar");
        command.add(extracted.toAbsolutePath().toString());
        return command;
    }

    /** The libraries of an extracted module (Spring Boot's {@code lib} folder). */
    Path libraries(String module) {
        return config.dataDir().resolve("apps").resolve(module).resolve("lib");
    }

    /**
     * The JVM flags of the suite's mode for a module's process: its heap as the module's, its garbage collector log and
     * flight recording under {@code name}.
     */
    List<String> flags(String module, String name) {
        List<String> command = new ArrayList<>();
        command.addAll(config.fullJit() ? FULL_JIT_FLAGS : FAST_START_FLAGS);
        if (config.fullJit()) {
            // the gateway and the till's two services carry the load; the rest stay small. The gateway holds every call
            // queued for a place (AdmissionGatewayFilterFactory), up to a second each at 100 tills: with the young
            // generation a third of a 73 MB heap they outlived its collections, filled the old one and cost a full
            // collection every 3 s (15 in 40 s, 100–150 ms each) and young pauses of 40–60 ms instead of 2–3. Its
            // initial heap (replacing the shared -Xms) holds the 96 MB young generation and a first old one. Tried
            // again at 96 KB a proxied call instead of 115 (issue 41): still 9 full collections at (b)'s 100 tills.
            command.addAll(
                    switch (module) {
                        case "gateway" -> List.of("-Xmx256m", "-Xms128m", "-Xmn96m");
                        case "sales-service", "catalog-service" -> List.of("-Xmx256m");
                        default -> List.of("-Xmx160m");
                    });
            // each collection with its pause, beside the service's log (one file per process: catalog restarts in (g));
            // a run that stalls keeps both (the benchmark's bench-logs)
            command.add("-Xlog:gc:file=\""
                    + config.dataDir()
                            .resolve("logs")
                            .resolve(name + "-gc-%p.log")
                            .toAbsolutePath() + "\":time,uptime:filecount=2,filesize=5m");
        }
        if (trimsNativeHeap()) {
            // memory the JVM frees natively (the optimising compiler's arenas above all) goes back to the system
            // instead of staying in malloc's free lists for good
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        // extra flags for one run (diagnostics such as -XX:NativeMemoryTracking=summary)
        String extra = System.getenv("KASSA_JAVA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(Profiling.flightRecording(name));
        return command;
    }

    /** The java launcher of this JVM, which runs the services and the broker too. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether this JVM (which also runs the services) has {@code -XX:TrimNativeHeapInterval}: 17.0.9, 21.0.1 and later. */
    static boolean trimsNativeHeap() {
        Runtime.Version v = Runtime.version();
        return v.feature() >= 22 || v.feature() == 21 && v.update() >= 1 || v.feature() == 17 && v.update() >= 9;
    }
}
