package dev.kassa.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the suite runs: the project root (for the service jars), a data folder that survives restarts,
 * and the ports. {@code portBase} is the gateway's port; services take the next seven
 * (auth +1, catalog +2, sales +3, analytics +4, task +5, customer +6, production +7), and with {@code replicas} above one their further
 * instances the same ports plus 10, 20, … (a second sales-service on +13). Keep every port below the kernel's
 * ephemeral range (32768 and up on Linux): an outgoing connection may otherwise hold one at start-up.
 *
 * @param externalPostgres a {@code jdbc:postgresql://host:port} to use instead of the embedded server, or null
 * @param externalKafka    bootstrap servers to use instead of the bundled broker, or null
 * @param classDataSharing record class-data archives when the suite stops and start from them next time
 * @param fullJit          run every JVM with the optimising compiler and production heaps ({@code KASSA_JIT=full}, the benchmark's
 *                         mode); otherwise a fast-start mode for laptops (C1 only, small heaps)
 * @param gatewayAddress   the interface the gateway listens on ({@code KASSA_GATEWAY_ADDRESS}); services and discovery
 *                         always listen on 127.0.0.1
 * @param replicas         instances of each of the six services ({@code KASSA_REPLICAS}, 1 to 5), as a cluster runs them; one
 *                         gateway and one registry
 */
public record SuiteConfig(
        Path root,
        Path dataDir,
        int portBase,
        int discoveryPort,
        int postgresPort,
        int kafkaPort,
        String externalPostgres,
        String dbUser,
        String dbPassword,
        String externalKafka,
        boolean classDataSharing,
        boolean fullJit,
        String gatewayAddress,
        int replicas) {

    /** The ports a local suite listens on: the gateway's (the services take the next ones), Eureka's, PostgreSQL's, Kafka's. */
    public record Ports(int gateway, int discovery, int postgres, int kafka) {}

    public SuiteConfig {
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("KASSA_REPLICAS must be 1 to 5, not " + replicas);
        }
    }

    /**
     * A suite for tests and benchmarks: every port given, local PostgreSQL and Kafka, only loopback, {@code replicas}
     * instances of each service.
     */
    public static SuiteConfig local(Path root, Path dataDir, Ports ports, boolean fullJit, int replicas) {
        return new SuiteConfig(
                root,
                dataDir,
                ports.gateway(),
                ports.discovery(),
                ports.postgres(),
                ports.kafka(),
                null,
                "postgres",
                "postgres",
                null,
                false,
                fullJit,
                "127.0.0.1",
                replicas);
    }

    /**
     * One instance of a service: {@code name} is the module for the first and {@code module-2}, {@code module-3}, … for the
     * others (its log is {@code logs/<name>.log}).
     */
    public record Service(String module, int instance, int port) {
        public String name() {
            return instance == 1 ? module : module + "-" + instance;
        }
    }

    public static final List<String> SERVICES = List.of(
            "auth-service",
            "catalog-service",
            "sales-service",
            "analytics-service",
            "task-service",
            "customer-service",
            "production-service");

    /** Every instance of every service: all first instances, then all second ones, … */
    public List<Service> services() {
        List<Service> all = new ArrayList<>();
        for (int k = 1; k <= replicas; k++) {
            for (int i = 0; i < SERVICES.size(); i++) {
                all.add(new Service(SERVICES.get(i), k, portBase + 1 + i + 10 * (k - 1)));
            }
        }
        return all;
    }

    /** The instances of one module. */
    public List<Service> instances(String module) {
        return services().stream().filter(s -> s.module().equals(module)).toList();
    }

    public int gatewayPort() {
        return portBase;
    }

    /** Local defaults, overridable by the environment (KASSA_DATA_DIR, KASSA_PORT, KASSA_PG_URL, KASSA_KAFKA_BOOTSTRAP, …). */
    public static SuiteConfig fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        return new SuiteConfig(
                root,
                Path.of(env.getOrDefault(
                        "KASSA_DATA_DIR", root.resolve("infra/.data").toString())),
                Integer.parseInt(env.getOrDefault("KASSA_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("KASSA_DISCOVERY_PORT", "8761")),
                Integer.parseInt(env.getOrDefault("KASSA_PG_PORT", "15432")),
                Integer.parseInt(env.getOrDefault("KASSA_KAFKA_PORT", "19092")),
                env.get("KASSA_PG_URL"),
                env.getOrDefault("KASSA_DB_USER", "postgres"),
                env.getOrDefault("KASSA_DB_PASSWORD", "postgres"),
                env.get("KASSA_KAFKA_BOOTSTRAP"),
                !"false".equalsIgnoreCase(env.getOrDefault("KASSA_CDS", "true")),
                "full".equalsIgnoreCase(env.getOrDefault("KASSA_JIT", "fast-start")),
                env.getOrDefault("KASSA_GATEWAY_ADDRESS", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("KASSA_REPLICAS", "1")));
    }
}
