package dev.kassa.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Spring Cloud Gateway with nothing of Kassa's (the benchmark's floor for issue 66's point 3): the gateway module's own
 * Spring Boot, Spring Cloud Gateway, Reactor Netty and Jackson, started by the java launcher from a source file of one
 * annotated class, with one route to one service by properties. Left out of the gateway's libraries: Kassa's platform,
 * Spring Security and the JWT library, Eureka and the load balancer, resilience4j's breaker, the actuator, Micrometer's
 * registry and tracing (OpenTelemetry), springdoc: what Kassa's gateway adds on top of the stack, with its own filters.
 */
final class BareGateway {

    static final String NAME = "gateway-bare";

    /** Prefixes of the gateway's jars the floor leaves out. */
    private static final List<String> LEFT_OUT = List.of(
            "platform-",
            "spring-security-",
            "nimbus-jose-jwt-",
            "jcip-annotations-",
            "spring-cloud-starter-netflix-",
            "spring-cloud-netflix-",
            "eureka-client-",
            "xstream-",
            "mxparser-",
            "xmlpull-",
            "jakarta.ws.rs-",
            "spectator-",
            "httpclient-4",
            "httpcore-4",
            "commons-configuration-",
            "commons-lang-2",
            "netflix-",
            "commons-jxpath-",
            "joda-time-",
            "antlr",
            "stringtemplate-",
            "servo-",
            "commons-math-",
            "jettison-",
            "spring-cloud-starter-loadbalancer-",
            "spring-cloud-loadbalancer-",
            "evictor-",
            "spring-cloud-starter-circuitbreaker-",
            "spring-cloud-circuitbreaker-",
            "resilience4j-",
            "spring-boot-actuator",
            "micrometer-jakarta9-",
            "micrometer-registry-",
            "HdrHistogram-",
            "LatencyUtils-",
            "prometheus-metrics-",
            "micrometer-tracing-",
            "opentelemetry-",
            "okhttp-",
            "okio-",
            "kotlin-stdlib-",
            "springdoc-",
            "swagger-",
            "webjars-",
            "spring-boot-properties-migrator-",
            "spring-boot-jarmode-");

    private BareGateway() {}

    /** The command that runs it on {@code port} with one route, {@code /api/products/**} to {@code upstreamPort}. */
    static List<String> command(SuiteConfig config, ModuleJvm jvm, int port, int upstreamPort) {
        Path dir = config.dataDir().resolve("apps").resolve(NAME);
        Path source = dir.resolve("BareGateway.java");
        List<String> classPath;
        try (InputStream in = BareGateway.class.getResourceAsStream("/bare-gateway/BareGateway.java");
                Stream<Path> jars = Files.list(jvm.libraries("gateway"))) {
            if (in == null) {
                throw new IllegalStateException("bare-gateway/BareGateway.java is missing from infra's jar");
            }
            SuiteFiles.mkdirs(dir);
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            classPath = jars.filter(jar -> LEFT_OUT.stream()
                            .noneMatch(prefix -> jar.getFileName().toString().startsWith(prefix)))
                    .map(jar -> jar.toAbsolutePath().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(ModuleJvm.java());
        command.addAll(jvm.flags("gateway", NAME));
        command.add("-cp");
        command.add(String.join(":", classPath));
        command.add(source.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        command.add("--spring.cloud.gateway.server.webflux.routes[0].id=catalog");
        command.add("--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:" + upstreamPort);
        command.add("--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/api/products/**");
        return command;
    }
}
