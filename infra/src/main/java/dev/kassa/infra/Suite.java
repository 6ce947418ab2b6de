package dev.kassa.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole Kassa suite on one machine: PostgreSQL (embedded, one database per service), a real Apache
 * Kafka broker in KRaft mode (its own JVM, from Maven Central jars), Eureka, the six services and the
 * gateway, each service in its own JVM. {@link #close()} stops everything it started, in reverse order;
 * {@link #meter()} measures what it started.
 */
public final class Suite implements AutoCloseable {

    private final SuiteConfig config;
    private final Processes processes;
    private final ModuleJvm jvm;
    private final ProcessMeter meter;
    /** Each launched process's module and environment, by instance name, to start it again after a fault. */
    private final Map<String, Launched> launched = new LinkedHashMap<>();

    private record Launched(String module, Map<String, String> env) {}

    private EmbeddedPostgres postgres;
    private String jdbcBase;
    private String kafkaBootstrap;
    private long startedAt;

    private Suite(SuiteConfig config) {
        this.config = config;
        this.processes = new Processes(config.dataDir().resolve("logs"));
        this.jvm = new ModuleJvm(config, processes);
        this.meter = new ProcessMeter(
                processes.byName(),
                () -> postgres == null ? null : config.dataDir().resolve("postgres"));
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

    /** The CPU time and memory of the processes this suite started. */
    public ProcessMeter meter() {
        return meter;
    }

    private void startAll(Duration timeout) {
        startedAt = System.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        jvm.requireJars();
        SuiteFiles.mkdirs(config.dataDir().resolve("logs"));
        startPostgres();
        kafkaBootstrap = KafkaBroker.start(config, processes, deadline);
        Map<String, String> common = commonEnv();
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

        // a service that dies while the suite starts (CI once saw one, cause unknown) is started once more, the end of
        // its log printed first: a start that fails twice, or any death once the suite is ready (the faults), still
        // fails
        Set<String> revived = new HashSet<>();
        processes.reviveWith(name -> {
            Launched l = launched.get(name);
            if (l == null || !revived.add(name)) {
                return false;
            }
            System.out.printf(
                    "The suite's %s died while starting; started again. The end of its log:%n%s%n",
                    name, processes.tail(name, 60));
            launch(name, l.module(), l.env());
            return true;
        });
        try {
            awaitReady(deadline);
        } finally {
            processes.reviveWith(name -> false);
        }
    }

    /** What every process of the suite is given: Kafka, the registry, fresh secrets, the database user, auth's keys. */
    private Map<String, String> commonEnv() {
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
        // a developer's machine: webhooks may go to a receiver on it (production takes https to public addresses only)
        if (!System.getenv().containsKey("KASSA_WEBHOOKS_ALLOWEDNETWORKS")) {
            common.put("KASSA_WEBHOOKS_ALLOWHTTP", "true");
            common.put("KASSA_WEBHOOKS_ALLOWEDNETWORKS", "127.0.0.0/8,::1/128");
        }
        return common;
    }

    private void awaitReady(long deadline) {
        processes.waitFor("discovery", deadline, () -> Processes.healthy(config.discoveryPort()));
        for (SuiteConfig.Service service : config.services()) {
            processes.waitFor(service.name(), deadline, () -> Processes.healthy(service.port()));
        }
        processes.waitFor("gateway", deadline, () -> Processes.healthy(config.gatewayPort()));
        // routable through the gateway: each service's OpenAPI comes back via Eureka and the load balancer
        for (String module : SuiteConfig.SERVICES) {
            String id = module.replace("-service", "");
            processes.waitFor(
                    module + " via gateway",
                    deadline,
                    () -> Processes.status(config.gatewayPort(), "/api-docs/" + id) == 200);
        }
    }

    /** Starts a module's instance from its extracted jar, kept under {@code name} to start again after a fault. */
    private void launch(String name, String module, Map<String, String> env) {
        jvm.extract(module);
        // only a module's first instance records its class-data archive (two would write the same file as they stop)
        processes.register(name, processes.spawn(name, jvm.command(module, name.equals(module)), env));
        launched.put(name, new Launched(module, Map.copyOf(env)));
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
        Process p = processes.get(name);
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
        processes.waitFor(name, System.nanoTime() + timeout.toNanos(), () -> Processes.healthy(port));
    }

    /** Stops the bundled Kafka broker (SIGTERM, as a broker's pod is stopped); {@link #startKafka()} starts it again. */
    public void stopKafka() {
        Processes.stop(List.of(processes.get("kafka")));
    }

    public void startKafka() {
        kafkaBootstrap = KafkaBroker.start(
                config, processes, System.nanoTime() + Duration.ofSeconds(120).toNanos());
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

    // ---------------------------------------------------------------- PostgreSQL

    /** Whether the suite's own PostgreSQL keeps {@code pg_stat_statements}: in the benchmark (full JIT) and profiled runs. */
    private boolean countsStatements() {
        return config.fullJit() || Profiling.enabled();
    }

    private void startPostgres() {
        if (config.externalPostgres() != null) {
            jdbcBase = config.externalPostgres().replaceAll("/+$", "");
        } else {
            try {
                Path pgData = config.dataDir().resolve("postgres");
                SuiteFiles.mkdirs(pgData);
                var builder = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData.toFile())
                        .setCleanDataDirectory(false)
                        // stopped by close(), after the services and Kafka: its own hook would stop it first on Ctrl-C
                        .setRegisterShutdownHook(false)
                        .setPort(config.postgresPort())
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "64MB")
                        .setPGStartupWait(Duration.ofSeconds(60));
                if (countsStatements()) {
                    // every statement's count and time: the benchmark's statements per sale, and a profiled run's
                    // statistics written beside the flight recordings when the suite stops
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                    builder.setServerConfig("pg_stat_statements.max", "10000");
                }
                postgres = builder.start();
                jdbcBase = "jdbc:postgresql://127.0.0.1:" + config.postgresPort();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcBase + "/postgres", config.dbUser(), config.dbPassword());
                Statement s = c.createStatement()) {
            if (postgres != null && countsStatements()) {
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

    /** The JDBC URL of the suite's PostgreSQL server (no database), for benchmarks that read it. */
    public String jdbcBase() {
        return jdbcBase;
    }

    public SuiteConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- the gateway's floor (infra/kassa bench)

    /**
     * Starts Spring Cloud Gateway with nothing of Kassa's ({@link BareGateway}) on {@code port}, routing
     * {@code /api/products/**} to {@code upstreamPort}; measured with the suite's processes (as {@value BareGateway#NAME})
     * until {@link #stopBareGateway()}. Returns once it answers.
     */
    public void startBareGateway(int port, int upstreamPort) {
        Process p = processes.spawn(BareGateway.NAME, BareGateway.command(config, jvm, port, upstreamPort), Map.of());
        processes.register(BareGateway.NAME, p);
        try {
            processes.waitFor(
                    BareGateway.NAME,
                    System.nanoTime() + Duration.ofSeconds(120).toNanos(),
                    () -> Processes.status(port, "/api/products/") > 0);
        } catch (RuntimeException e) {
            processes.forget(BareGateway.NAME);
            throw e;
        }
    }

    /** Stops what {@link #startBareGateway} started; nothing when it is not running. */
    public void stopBareGateway() {
        processes.forget(BareGateway.NAME);
    }

    // ---------------------------------------------------------------- a timed extra instance (infra/kassa bench)

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
        Process p = processes.spawn(module + "-extra", jvm.command(module, false), env);
        try {
            processes.waitFor(
                    module + " (extra)",
                    System.nanoTime() + Duration.ofSeconds(180).toNanos(),
                    () -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("the extra " + module + " exited; see its log");
                        }
                        return Processes.healthy(port);
                    });
            return (System.nanoTime() - start) / 1e9;
        } finally {
            Processes.stop(List.of(p));
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Stops in tiers: gateway and services together (graceful), then discovery, then the broker, then PostgreSQL. */
    @Override
    public synchronized void close() {
        processes.stopAll(config.externalKafka() == null ? 2 : 1);
        if (postgres != null) {
            if (Profiling.enabled()) {
                Profiling.writeStatementStatistics(jdbcBase, config.dbUser(), config.dbPassword());
            }
            try {
                postgres.close();
            } catch (IOException ignored) {
                // best effort on shutdown
            }
            postgres = null;
        }
    }
}
