package dev.kassa.platform.warmup;

import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Warms an instance up before it is ready (issue 66, point 5). Spring Boot declares an application ready (Kubernetes'
 * readiness probe, and through {@link RegistryStatus} Eureka's {@code UP}) only once its runners have returned; this
 * runner, the last, first fetches auth-service's signing keys (the first token would otherwise wait for them), then asks
 * the instance's own HTTP port for its health (Tomcat, the filters and the dispatcher servlet load their classes), then
 * takes every {@link HotPath} once in the warm-up store, each in a transaction that is rolled back. A path that fails is
 * logged and the instance starts anyway: a warm-up never keeps a service down.
 */
public class WarmUp implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /**
     * A token that looks like auth-service's (RS256) with a signature nothing verifies: decoding it fetches the signing
     * keys and is refused.
     */
    static final String UNSIGNED_TOKEN =
            part("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + part("{\"sub\":\"warm-up\"}") + "." + part("warm-up");

    /** What a warm-up did: the hot paths taken, the names of those that failed, how long it took. */
    public record Outcome(int hotPaths, List<String> failed, long millis) {}

    private final List<HotPath> hotPaths;
    private final Optional<TenantProvisioner> provisioner;
    private final Optional<TenantRegistry> registry;
    private final Optional<PlatformTransactionManager> transactions;
    private final Optional<JwtDecoder> tokens;
    private final Environment environment;

    public WarmUp(
            List<HotPath> hotPaths,
            Optional<TenantProvisioner> provisioner,
            Optional<TenantRegistry> registry,
            Optional<PlatformTransactionManager> transactions,
            Optional<JwtDecoder> tokens,
            Environment environment) {
        this.hotPaths = List.copyOf(hotPaths);
        this.provisioner = provisioner;
        this.registry = registry;
        this.transactions = transactions;
        this.tokens = tokens;
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) {
        Outcome outcome = warmUp();
        log.info(
                "Warmed up in {} ms: {} hot paths{}",
                outcome.millis(),
                outcome.hotPaths(),
                outcome.failed().isEmpty() ? "" : ", failed: " + outcome.failed());
    }

    /** Takes the warm-up's steps once (at start-up, and from tests). */
    public Outcome warmUp() {
        long started = System.nanoTime();
        signingKeys();
        ownHealth();
        List<String> failed = new ArrayList<>();
        if (!hotPaths.isEmpty() && provisioner.isPresent() && transactions.isPresent()) {
            Tenant store = warmUpStore();
            TransactionTemplate rolledBack = new TransactionTemplate(transactions.get());
            for (HotPath path : hotPaths) {
                try {
                    TenantContext.run(
                            store,
                            () -> rolledBack.executeWithoutResult(status -> {
                                status.setRollbackOnly();
                                try {
                                    path.run();
                                } catch (RuntimeException e) {
                                    throw e;
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }));
                } catch (RuntimeException e) {
                    failed.add(path.getClass().getName());
                    log.warn(
                            "Hot path {} failed in the warm-up: {}",
                            path.getClass().getName(),
                            e.toString());
                }
            }
        }
        return new Outcome(hotPaths.size(), List.copyOf(failed), (System.nanoTime() - started) / 1_000_000);
    }

    /** The warm-up store, provisioned (or brought up to date) with this service's migrations, left out of every sweep. */
    private Tenant warmUpStore() {
        Tenant store = provisioner.get().ensureReady(TenantKeys.WARM_UP_KEY);
        registry.ifPresent(r -> r.markWarmUp(TenantKeys.WARM_UP_KEY));
        return store;
    }

    private void signingKeys() {
        tokens.ifPresent(decoder -> {
            try {
                decoder.decode(UNSIGNED_TOKEN);
            } catch (JwtException expected) {
                // refused, as it must be; the keys were fetched (or auth-service is not up yet: the first token fetches
                // them)
                log.debug("Warm-up token refused: {}", expected.getMessage());
            }
        });
    }

    private void ownHealth() {
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port == null || port <= 0) {
            return;
        }
        String address = environment.getProperty("server.address", "127.0.0.1");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
            address = "127.0.0.1";
        }
        String host = address.contains(":") ? "[" + address + "]" : address;
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            client.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            log.debug("Warm-up health call failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
