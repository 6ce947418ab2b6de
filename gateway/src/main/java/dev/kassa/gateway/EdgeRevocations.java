package dev.kassa.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.security.JwksAddresses;
import dev.kassa.platform.security.RevocationCheck;
import dev.kassa.platform.security.ServiceTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The revocations a live token may still meet, read from auth every {@code kassa.gateway.revocations-refresh} (2 s) by
 * each gateway instance ({@code /internal/revocations} of the first auth address of {@code kassa.security.jwks-uri} that
 * answers, with a service token): a token revoked by a role change, a deactivation, a password change, a closed store or
 * an app's rotation is refused here within seconds of the change, whatever a service's consumer lags. When auth does not
 * answer, the last view stays (the services check too), and a warning says so once a minute at most.
 */
@Component
class EdgeRevocations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EdgeRevocations.class);

    private final List<URI> addresses;
    private final Duration refresh;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Map<String, Map<Long, Instant>> byStore = Map.of();
    private volatile Instant readAt = Instant.EPOCH;
    private volatile long warnedAt;
    private volatile ScheduledExecutorService timer;

    EdgeRevocations(
            @Value("${kassa.security.jwks-uri}") String jwksUri,
            @Value("${kassa.gateway.revocations-refresh:2s}") Duration refresh,
            ServiceTokens tokens,
            ObjectMapper json) {
        this.addresses = JwksAddresses.of(jwksUri).stream()
                .map(u -> u.resolve("/internal/revocations"))
                .toList();
        this.refresh = refresh;
        this.tokens = tokens;
        this.json = json;
    }

    /** Whether the token of {@code userId} issued at {@code issued} was revoked for the store. */
    boolean revoked(String tenantKey, long userId, RevocationCheck.Issued issued) {
        Map<Long, Instant> store = byStore.get(tenantKey);
        return store != null && RevocationCheck.revoked(store, userId, issued);
    }

    /** When the view was last read from auth. */
    Instant readAt() {
        return readAt;
    }

    /** Reads the recent revocations from the first auth address that answers; keeps the last view otherwise. */
    void read() {
        for (URI address : addresses) {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(address)
                                .timeout(Duration.ofSeconds(2))
                                .header(ServiceTokens.HEADER, tokens.issue())
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("auth answered " + answer.statusCode());
                }
                Map<String, Map<Long, Instant>> read = new HashMap<>();
                for (JsonNode r : json.readTree(answer.body()).path("revocations")) {
                    read.computeIfAbsent(r.path("tenant_key").asText(), k -> new HashMap<>())
                            .merge(
                                    r.path("user_id").asLong(),
                                    Instant.parse(r.path("not_before").asText()),
                                    (a, b) -> a.isAfter(b) ? a : b);
                }
                byStore = read;
                readAt = Instant.now();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                long now = System.currentTimeMillis();
                if (now - warnedAt > 60_000) {
                    warnedAt = now;
                    log.warn("Revocations not read from {} ({}); the last view stays", address, e.toString());
                }
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "edge-revocations");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleWithFixedDelay(this::read, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
        timer = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
