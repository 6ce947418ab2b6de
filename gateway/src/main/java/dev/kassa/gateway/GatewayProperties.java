package dev.kassa.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param publicPaths     reachable without a token
 * @param tenantlessPaths need a token but no {@code X-Tenant-Key}
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param maxUploadBytes  the same for multipart forms (photos, images)
 * @param appRateLimit    calls per minute of each app (client credentials) through one gateway instance
 * @param authRateLimit   requests per minute and client address to login, PIN login, registration and token refresh
 * @param publicPageRateLimit requests per minute and client address to public pages (a digital receipt, {@code /r/…}; a table's menu, {@code /m/…})
 * @param trustedProxyHops how many proxies in front of the gateway append to X-Forwarded-For (0: clients connect directly)
 * @param maxConcurrentCalls calls one route forwards at once; more wait their turn (AdmissionGatewayFilterFactory)
 * @param queueWait        how long a call beyond {@code maxConcurrentCalls} may wait for a place, then 503 {@code overloaded}
 * @param maxQueuedCalls   calls one route lets wait at once; more get 503 {@code overloaded} at once
 * @param routeTimeout     the longest a proxied call may take before the gateway answers 503
 * @param corsOrigins      origins (patterns) whose browsers may call the API ({@code KASSA_CORS_ORIGINS})
 * @param serviceSecret    the secret Kassa's components share ({@code KASSA_SERVICE_SECRET}); blank: random (services then
 *                         count every client by the gateway's address and refuse its internal calls)
 */
@ConfigurationProperties("kassa.gateway")
record GatewayProperties(
        @DefaultValue({}) List<String> publicPaths,
        @DefaultValue({}) List<String> tenantlessPaths,
        @DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue("31457280") long maxUploadBytes,
        @DefaultValue("30") int authRateLimit,
        @DefaultValue("60") int publicPageRateLimit,
        @DefaultValue("600") int appRateLimit,
        @DefaultValue("0") int trustedProxyHops,
        @DefaultValue("32") int maxConcurrentCalls,
        @DefaultValue("5s") Duration queueWait,
        @DefaultValue("1000") int maxQueuedCalls,
        @DefaultValue("10s") Duration routeTimeout,
        String serviceSecret,
        @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"}) List<String> corsOrigins) {}
