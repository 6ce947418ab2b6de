package dev.kassa.platform.warmup;

import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
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

    /**
     * What a warm-up did: the hot paths it has, those it took (none without a warm-up store), the names of those that
     * failed, how long it took.
     */
    public record Outcome(int hotPaths, int taken, List<String> failed, long millis) {}

    /** A hot path that waits longer than this (a lock, a connection that does not answer) is given up. */
    static final int TIMEOUT_SECONDS = 30;

    private final List<HotPath> hotPaths;
    private final Optional<TenantProvisioner> provisioner;
    private final Optional<PlatformTransactionManager> transactions;
    private final Optional<JwtDecoder> tokens;
    private final Environment environment;

    public WarmUp(
            List<HotPath> hotPaths,
            Optional<TenantProvisioner> provisioner,
            Optional<PlatformTransactionManager> transactions,
            Optional<JwtDecoder> tokens,
            Environment environment) {
        this.hotPaths = List.copyOf(hotPaths);
        this.provisioner = provisioner;
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
        try {
            Outcome outcome = warmUp();
            log.info(
                    "Warmed up in {} ms: {} of {} hot paths taken{}",
                    outcome.millis(),
                    outcome.taken(),
                    outcome.hotPaths(),
                    outcome.failed().isEmpty() ? "" : ", failed: " + outcome.failed());
        } catch (RuntimeException e) {
            // the instance starts anyway: a warm-up never keeps a service down
            log.warn("The warm-up failed: {}", e.toString());
        }
    }

    /** Takes the warm-up's steps once (at start-up, and from tests). */
    public Outcome warmUp() {
        long started = System.nanoTime();
        signingKeys();
        ownHealth();
        List<String> failed = new ArrayList<>();
        int taken = 0;
        Optional<Tenant> store = hotPaths.isEmpty() || transactions.isEmpty()
                ? Optional.empty()
                : provisioner.flatMap(TenantProvisioner::warmUpStore);
        if (!hotPaths.isEmpty() && store.isEmpty()) {
            log.warn("No warm-up store (no tenancy or no single transaction manager): the hot paths are not taken");
        }
        if (store.isPresent()) {
            TransactionTemplate rolledBack = new TransactionTemplate(transactions.get());
            rolledBack.setTimeout(TIMEOUT_SECONDS);
            for (HotPath path : hotPaths) {
                taken++;
                try {
                    TenantContext.run(
                            store.get(),
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
        return new Outcome(hotPaths.size(), taken, List.copyOf(failed), (System.nanoTime() - started) / 1_000_000);
    }

    private void signingKeys() {
        tokens.ifPresent(decoder -> {
            try {
                decoder.decode(UNSIGNED_TOKEN);
            } catch (RuntimeException expected) {
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
        } catch (IOException | RuntimeException e) {
            log.debug("Warm-up health call failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
