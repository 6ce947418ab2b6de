package dev.kassa.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

/**
 * The whole Kassa suite on one machine: PostgreSQL (embedded, one database per service), a real Apache
 * Kafka broker in KRaft mode (its own JVM, from Maven Central jars), Eureka, the six services and the
 * gateway, each service in its own JVM. {@link #close()} stops everything it started, in reverse order.
 */
public final class Suite implements AutoCloseable {

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
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> byName = new LinkedHashMap<>();
    /** Each launched process's module and environment, by instance name, to start it again after a fault. */
    private final Map<String, Launched> launched = new LinkedHashMap<>();

    private record Launched(String module, Map<String, String> env) {}

    private EmbeddedPostgres postgres;
    private String jdbcBase;
    private String kafkaBootstrap;
    private long startedAt;

    private Suite(SuiteConfig config) {
        this.config = config;
    }

    /** Starts everything and returns once every service is healthy and routable through the gateway. */
    public static Suite start(SuiteConfig config, Duration timeout) {
        Suite suite = new Suite(config);
        try {
            suite.startAll(timeout);
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    public double secondsToReady() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private void startAll(Duration timeout) {
        startedAt = System.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        requireJars();
        mkdirs(config.dataDir().resolve("logs"));
        startPostgres();
        startKafka(deadline);
        Map<String, String> common = new LinkedHashMap<>();
        common.put("KASSA_KAFKA_BOOTSTRAP", kafkaBootstrap);
        // fresh credentials for every run: the registry and the services' calls to each other trust only this suite
        common.put("KASSA_DISCOVERY_ADDRESS", "127.0.0.1:" + config.discoveryPort());
        common.put("KASSA_DISCOVERY_USER", "kassa");
        common.put("KASSA_DISCOVERY_PASSWORD", randomSecret());
        common.put("KASSA_SERVICE_SECRET", randomSecret());
        common.put("KASSA_BIND_ADDRESS", "127.0.0.1");
        common.put("KASSA_DB_USER", config.dbUser());
        common.put("KASSA_DB_PASSWORD", config.dbPassword());

        // every instance of auth, in turn: the JWKS is fetched from the next when one is away
        common.put(
                "KASSA_JWKS_URI",
                String.join(
                        ",",
                        config.instances("auth-service").stream()
                                .map(a -> "http://127.0.0.1:" + a.port() + "/api/users/.well-known/jwks.json")
                                .toList()));

        Map<String, String> discovery = new LinkedHashMap<>(common);
        discovery.put("PORT", String.valueOf(config.discoveryPort()));
        launch("discovery", "discovery", discovery);
        for (SuiteConfig.Service service : config.services()) {
            Map<String, String> env = new LinkedHashMap<>(common);
            env.put("PORT", String.valueOf(service.port()));
            env.put("KASSA_DB_URL", jdbcBase + "/kassa_" + service.module().replace("-service", ""));
            launch(service.name(), service.module(), env);
        }
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("PORT", String.valueOf(config.gatewayPort()));
        gateway.put("KASSA_GATEWAY_ADDRESS", config.gatewayAddress());
        launch("gateway", "gateway", gateway);

        waitFor("discovery", deadline, () -> healthy(config.discoveryPort()));
        for (SuiteConfig.Service service : config.services()) {
            waitFor(service.name(), deadline, () -> healthy(service.port()));
        }
        waitFor("gateway", deadline, () -> healthy(config.gatewayPort()));
        // routable through the gateway: each service's OpenAPI comes back via Eureka and the load balancer
        for (String module : SuiteConfig.SERVICES) {
            String id = module.replace("-service", "");
            waitFor(module + " via gateway", deadline, () -> status(config.gatewayPort(), "/api-docs/" + id) == 200);
        }
    }

    /** Keeps a started process under its name; a process started again takes its predecessor's place (stopping order). */
    private synchronized void register(String name, Process process) {
        Process before = byName.put(name, process);
        int index = before == null ? -1 : processes.indexOf(before);
        if (index >= 0) {
            processes.set(index, process);
        } else {
            processes.add(process);
        }
    }

    // ---------------------------------------------------------------- faults (infra/kassa failover)

    /** The instances of a module, by name and port. */
    public List<SuiteConfig.Service> instances(String module) {
        return config.instances(module);
    }

    /**
     * Kills an instance with SIGKILL, as a pod lost with its node: no graceful shutdown, no deregistration from the
     * registry, its connections cut where they stand.
     */
    public void kill(String name) {
        Process p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("No process " + name);
        }
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed instance again with the environment it first had; returns once it is healthy. */
    public void restart(String name, Duration timeout) {
        Launched l = launched.get(name);
        if (l == null) {
            throw new IllegalArgumentException("No instance " + name);
        }
        launch(name, l.module(), l.env());
        int port = Integer.parseInt(l.env().get("PORT"));
        waitFor(name, System.nanoTime() + timeout.toNanos(), () -> healthy(port));
    }

    /** Stops the bundled Kafka broker (SIGTERM, as a broker's pod is stopped); {@link #startKafka()} starts it again. */
    public void stopKafka() {
        stop(List.of(byName.get("kafka")));
    }

    public void startKafka() {
        startKafka(System.nanoTime() + Duration.ofSeconds(120).toNanos());
    }

    /** Restarts the embedded PostgreSQL (a fast shutdown, then a start on the same data and port): every connection breaks. */
    public void restartPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("Only the embedded PostgreSQL can be restarted");
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = null;
        startPostgres();
    }

    private void requireJars() {
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

    private void startPostgres() {
        if (config.externalPostgres() != null) {
            jdbcBase = config.externalPostgres().replaceAll("/+$", "");
        } else {
            try {
                Path pgData = config.dataDir().resolve("postgres");
                mkdirs(pgData);
                var builder = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData.toFile())
                        .setCleanDataDirectory(false)
                        // stopped by close(), after the services and Kafka: its own hook would stop it first on Ctrl-C
                        .setRegisterShutdownHook(false)
                        .setPort(config.postgresPort())
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "64MB")
                        .setPGStartupWait(Duration.ofSeconds(60));
                if (profileDir() != null) {
                    // every statement's count and time, written beside the flight recordings when the suite stops
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                postgres = builder.start();
                jdbcBase = "jdbc:postgresql://127.0.0.1:" + config.postgresPort();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcBase + "/postgres", config.dbUser(), config.dbPassword());
                Statement s = c.createStatement()) {
            if (postgres != null && profileDir() != null) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            for (String service : SuiteConfig.SERVICES) {
                String db = "kassa_" + service.replace("-service", "");
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'");
                if (!rs.next()) {
                    s.execute("create database " + db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the service databases at " + jdbcBase, e);
        }
    }

    private void startKafka(long deadline) {
        if (config.externalKafka() != null) {
            kafkaBootstrap = config.externalKafka();
            return;
        }
        int port = config.kafkaPort();
        Path dir = config.dataDir().resolve("kafka");
        mkdirs(dir);
        Path properties = dir.resolve("server.properties");
        String logs = dir.resolve("logs").toAbsolutePath().toString();
        write(
                properties,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + logs,
                        "num.partitions=3",
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=10",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        // the log cleaner (compacting the consumer offsets) keeps its whole dedupe buffer on the heap:
                        // 128 MB by
                        // default, most of the broker's heap and a ninth of the suite's memory for a few thousand
                        // offsets
                        "log.cleaner.dedupe.buffer.size=8388608",
                        "auto.create.topics.enable=true",
                        ""));
        String classpath = kafkaClasspath();
        if (!Files.exists(Path.of(logs, "meta.properties"))) {
            String clusterId = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .substring(0, 22);
            run(
                    "kafka-format",
                    List.of(
                            java(),
                            "-cp",
                            classpath,
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            clusterId,
                            "-c",
                            properties.toString()));
        }
        // the broker keeps the JVM's default heap free ratios: the services' tighter ones (15-40 %) saved it about 30
        // MB but
        // doubled its CPU per sale in the two benchmark runs that had them (more young collections in a smaller heap)
        List<String> command = new ArrayList<>(List.of(java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k"));
        if (trimsNativeHeap()) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        command.addAll(List.of("-cp", classpath, "kafka.Kafka", properties.toString()));
        register("kafka", spawn("kafka", command, Map.of()));
        kafkaBootstrap = "127.0.0.1:" + port;
        waitFor("kafka", deadline, () -> portOpen(port));
    }

    /**
     * The broker's jars plus what Maven files under the launcher's own libraries because the launcher uses it too: an SLF4J
     * binding and Jackson (the broker needs jackson-databind; with the benchmark's client it is a compile dependency of
     * infra, so Maven no longer copies it among the broker's provided jars).
     */
    private String kafkaClasspath() {
        Path kafka = config.root().resolve("infra/target/kafka-libs").toAbsolutePath();
        Path launcher = config.root().resolve("infra/target/launcher-libs").toAbsolutePath();
        List<String> entries = new ArrayList<>(List.of(kafka + File.separator + "*"));
        try (Stream<Path> libs = Files.list(launcher)) {
            libs.filter(p -> p.getFileName().toString().startsWith("slf4j-")
                            || p.getFileName().toString().startsWith("jackson-"))
                    .forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs a module from Spring Boot's extracted layout (faster class loading than the nested jar) with a
     * class-data-sharing archive: the first run records it when the suite stops, later runs start from it
     * (about three times faster per service). A rebuilt jar is extracted again and gets a new archive.
     */
    private void launch(String name, String module, Map<String, String> env) {
        Path apps = config.dataDir().resolve("apps");
        Path dir = apps.resolve(module);
        Path extracted = dir.resolve(module + "-" + VERSION + ".jar");
        Path archive = apps.resolve(module + ".jsa");
        try {
            if (!Files.exists(extracted)
                    || Files.getLastModifiedTime(jar(module)).compareTo(Files.getLastModifiedTime(extracted)) > 0) {
                Files.deleteIfExists(archive);
                deleteRecursively(dir);
                mkdirs(apps);
                run(
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
        // only a module's first instance records its class-data archive (two would write the same file as they stop)
        register(name, spawn(name, command(module, name.equals(module)), env));
        launched.put(name, new Launched(module, Map.copyOf(env)));
    }

    private List<String> command(String module, boolean recordsArchive) {
        Path apps = config.dataDir().resolve("apps");
        Path extracted = apps.resolve(module).resolve(module + "-" + VERSION + ".jar");
        Path archive = apps.resolve(module + ".jsa");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(config.fullJit() ? FULL_JIT_FLAGS : FAST_START_FLAGS);
        if (config.fullJit()) {
            // the gateway and the till's two services carry the load; the rest stay small. The gateway holds every call
            // queued
            // for a place (AdmissionGatewayFilterFactory), up to a second each at 100 tills: with the young generation
            // a third of
            // a 73 MB heap they outlived its collections, filled the old one and cost a full collection every 3 s (15
            // in 40 s,
            // 100–150 ms each) and young pauses of 40–60 ms instead of 2–3. Its initial heap (replacing the shared
            // -Xms) holds the
            // 96 MB young generation and a first old one.
            command.addAll(
                    switch (module) {
                        case "gateway" -> List.of("-Xmx256m", "-Xms128m", "-Xmn96m");
                        case "sales-service", "catalog-service" -> List.of("-Xmx256m");
                        default -> List.of("-Xmx160m");
                    });
            // each collection with its pause, beside the service's log (one file per process: catalog restarts in (g));
            // a run
            // that stalls keeps both (the benchmark's bench-logs)
            command.add("-Xlog:gc:file=\""
                    + config.dataDir()
                            .resolve("logs")
                            .resolve(module + "-gc-%p.log")
                            .toAbsolutePath() + "\":time,uptime:filecount=2,filesize=5m");
        }
        if (trimsNativeHeap()) {
            // memory the JVM frees natively (the optimising compiler's arenas above all) goes back to the system
            // instead of
            // staying in malloc's free lists for good
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        // extra flags for one run (diagnostics such as -XX:NativeMemoryTracking=summary)
        String extra = System.getenv("KASSA_JAVA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (profileDir() != null) {
            // a flight recording of the whole run per process, written when it stops (JFR attached later costs a loaded
            // two-core machine seconds of class loading and compilation in the middle of the measurement)
            mkdirs(profileDir());
            command.add("-XX:StartFlightRecording=settings=default,dumponexit=true,filename="
                    + profileDir().resolve(module + ".jfr"));
        }
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

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Resident memory (MB, proportional set size) of each process the suite started, by name (PostgreSQL with its backends). */
    public Map<String, Long> residentMegabytesByProcess() {
        Map<String, Long> result = new LinkedHashMap<>();
        byProcess(pid -> residentKb(pid)).forEach((name, kb) -> result.put(name, kb / 1024));
        return result;
    }

    /** CPU time (user and system, in clock ticks of 10 ms) each process the suite started has used so far, by name. */
    public Map<String, Long> cpuTicksByProcess() {
        return byProcess(Suite::cpuTicks);
    }

    /**
     * CPU time (clock ticks) the JIT compiler threads of each JVM the suite started have used so far ({@code C1/C2
     * CompilerThread*}): work a service does once after start-up, not per request, so the benchmark reports it apart.
     */
    public Map<String, Long> compilerTicksByProcess() {
        Map<String, Long> result = new LinkedHashMap<>();
        byName.forEach((name, p) -> result.put(name, compilerTicks(p.pid())));
        return result;
    }

    private static long compilerTicks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToLong(task -> {
                        try {
                            String stat = Files.readString(task.resolve("stat"));
                            String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")
                                    ? ticksOf(stat)
                                    : 0;
                        } catch (IOException | RuntimeException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private Map<String, Long> byProcess(LongUnaryOperator measure) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (postgres != null) {
            // the embedded server detaches from this JVM: find its postmaster by the data directory, then add its
            // backends
            String dataDir =
                    config.dataDir().resolve("postgres").toAbsolutePath().toString();
            result.put(
                    "postgresql",
                    ProcessHandle.allProcesses()
                            .filter(p -> cmdline(p.pid()).contains(dataDir))
                            .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                            .mapToLong(p -> measure.applyAsLong(p.pid()))
                            .sum());
        }
        Process kafka = byName.get("kafka");
        if (kafka != null) {
            result.put("kafka", measure.applyAsLong(kafka.pid()));
        }
        byName.forEach((name, p) -> {
            if (!"kafka".equals(name)) {
                result.put(name, measure.applyAsLong(p.pid()));
            }
        });
        return result;
    }

    private static String cmdline(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                            StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** CPU time (user and system, clock ticks) a process has used so far; 0 when it is gone. */
    public static long cpuTicks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a {@code /proc/…/stat} line (a process's or one thread's). */
    private static long ticksOf(String stat) {
        // fields after the command name (which may hold spaces, inside parentheses): state is field 3, utime 14, stime
        // 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * A process's share of physical memory in kB: its proportional set size (pages shared with other processes, such as
     * PostgreSQL's shared buffers in each backend, counted once across them, not once per process as VmRSS does), or its
     * VmRSS where the kernel offers no smaps_rollup.
     */
    private static long residentKb(long pid) {
        for (String[] source : new String[][] {{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // the process ended meanwhile, or this kernel lacks the file
            }
        }
        return 0;
    }

    /**
     * Times a second instance of a service on its own database (benchmarks): started once to create its tables, then
     * {@code prepare} fills the database (given its JDBC URL), then started again and timed until healthy. It does not
     * register in discovery and reads events in a group of its own; it is stopped before this returns.
     */
    public double startExtraInstance(String module, int port, String database, Consumer<String> prepare) {
        try (Connection c = DriverManager.getConnection(jdbcBase + "/postgres", config.dbUser(), config.dbPassword());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KASSA_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("KASSA_JWKS_URI", "http://127.0.0.1:" + (config.portBase() + 1) + "/api/users/.well-known/jwks.json");
        env.put("KASSA_DB_USER", config.dbUser());
        env.put("KASSA_DB_PASSWORD", config.dbPassword());
        env.put("KASSA_DB_URL", jdbcBase + "/" + database);
        env.put("PORT", String.valueOf(port));
        env.put("EUREKA_CLIENT_ENABLED", "false");
        env.put("SPRING_KAFKA_CONSUMER_GROUP_ID", module + "-" + database);
        timedStart(module, env, port);
        prepare.accept(jdbcBase + "/" + database);
        return timedStart(module, env, port);
    }

    private double timedStart(String module, Map<String, String> env, int port) {
        long start = System.nanoTime();
        Process p = spawn(module + "-extra", command(module, false), env);
        try {
            waitFor(
                    module + " (extra)",
                    System.nanoTime() + Duration.ofSeconds(180).toNanos(),
                    () -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("the extra " + module + " exited; see its log");
                        }
                        return healthy(port);
                    });
            return (System.nanoTime() - start) / 1e9;
        } finally {
            stop(List.of(p));
        }
    }

    /** The JDBC URL of the suite's PostgreSQL server (no database), for benchmarks that read it. */
    public String jdbcBase() {
        return jdbcBase;
    }

    public SuiteConfig config() {
        return config;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private Process spawn(String name, List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.dataDir()
                            .resolve("logs")
                            .resolve(name + ".log")
                            .toFile()));
            // glibc gives each thread that allocates its own malloc arena (up to 8 per core); a JVM's many threads then
            // keep
            // tens of MB of native memory each process never returns: two arenas are plenty for these services
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private void run(String name, List<String> command) {
        try {
            Process p = spawn(name, command, Map.of());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(name + " failed; see "
                        + config.dataDir().resolve("logs").resolve(name + ".log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(String what, long deadline, BooleanSupplier ready) {
        while (!ready.getAsBoolean()) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "A suite process exited (" + p.info().commandLine().orElse("?") + "); logs are in "
                                    + config.dataDir().resolve("logs"));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready in time; logs are in "
                        + config.dataDir().resolve("logs"));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean healthy(int port) {
        return status(port, "/actuator/health") == 200;
    }

    private static int status(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Resident memory (MB, proportional set size) of this JVM and every process it started, with their children (PostgreSQL backends). */
    public long residentMegabytes() {
        return Stream.concat(
                                Stream.of(ProcessHandle.current()),
                                ProcessHandle.current().descendants())
                        .mapToLong(p -> residentKb(p.pid()))
                        .sum()
                / 1024;
    }

    /** Stops in tiers: gateway and services together (graceful), then discovery, then the broker, then PostgreSQL. */
    @Override
    public synchronized void close() {
        List<Process> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        int infrastructure = Math.min(reversed.size(), config.externalKafka() == null ? 2 : 1);
        stop(reversed.subList(0, reversed.size() - infrastructure));
        for (Process p : reversed.subList(reversed.size() - infrastructure, reversed.size())) {
            stop(List.of(p));
        }
        processes.clear();
        if (postgres != null) {
            if (profileDir() != null) {
                writeStatementStatistics(profileDir().resolve("postgresql-statements.tsv"));
            }
            try {
                postgres.close();
            } catch (IOException ignored) {
                // best effort on shutdown
            }
            postgres = null;
        }
    }

    /** {@code KASSA_PROFILE_DIR}, where a profiled run leaves its recordings; null when the run is not profiled. */
    private static Path profileDir() {
        String dir = System.getenv("KASSA_PROFILE_DIR");
        return dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath();
    }

    /** The statements PostgreSQL ran in this run, most total time first: database, calls, total and mean ms, rows, text. */
    private void writeStatementStatistics(Path file) {
        String sql =
                """
                select d.datname, s.calls, round(s.total_exec_time::numeric, 1), round(s.mean_exec_time::numeric, 3),
                       s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                order by s.total_exec_time desc limit 300""";
        StringBuilder out = new StringBuilder("database\tcalls\ttotal_ms\tmean_ms\trows\tstatement\n");
        try (Connection c = DriverManager.getConnection(jdbcBase + "/postgres", config.dbUser(), config.dbPassword());
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 1; i <= 6; i++) {
                    out.append(rs.getString(i)).append(i < 6 ? '\t' : '\n');
                }
            }
            mkdirs(file.getParent());
            write(file, out.toString());
        } catch (SQLException e) {
            System.err.println("PostgreSQL's statement statistics could not be read: " + e.getMessage());
        }
    }

    private static void stop(List<Process> tier) {
        for (Process p : tier) {
            p.destroy();
        }
        for (Process p : tier) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this JVM (which also runs the services) has {@code -XX:TrimNativeHeapInterval}: 17.0.9, 21.0.1 and later. */
    private static boolean trimsNativeHeap() {
        Runtime.Version v = Runtime.version();
        return v.feature() >= 22 || v.feature() == 21 && v.update() >= 1 || v.feature() == 17 && v.update() >= 9;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
