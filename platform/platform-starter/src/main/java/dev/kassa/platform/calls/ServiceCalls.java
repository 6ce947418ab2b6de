package dev.kassa.platform.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.security.CallerHeaders;
import dev.kassa.platform.security.ServiceTokens;
import dev.kassa.platform.tenancy.TenantContext;
import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a service's calls to another share (sales to catalog and customer-service, production to catalog): the pooled client, the caller's headers, and relaying the other service's refusal. */
public final class ServiceCalls {

    private ServiceCalls() {}

    /**
     * The HTTP client for calls to another Kassa service: Apache HttpClient's pool of kept-alive connections, the call made on
     * the request's own thread (the JDK client handed every call to its worker and selector threads, about 2 ms of CPU per
     * scan under load), a connect timeout of one second and {@code readTimeout} for the answer; nothing retried by the
     * client itself (the retry policy decides that).
     */
    public static ClientHttpRequestFactory pooledRequests(Duration readTimeout, int maxConnections) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(1))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                .build();
        HttpComponentsClientHttpRequestFactory requests =
                new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                        .setConnectionManager(connections)
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .build());
        requests.setReadTimeout(readTimeout);
        return requests;
    }

    /**
     * The client of another Kassa service at {@code url}: {@code lb://name} through discovery (the {@code @LoadBalanced}
     * builder), any other URL directly, over {@link #pooledRequests}; each call observed ({@code http_client_requests}, and
     * the request's trace passed on as its {@code traceparent}, so the other service's span continues the scan's trace).
     */
    public static RestClient client(
            String url,
            RestClient.Builder loadBalanced,
            ObservationRegistry observations,
            Duration readTimeout,
            int maxConnections) {
        boolean discovered = url.startsWith("lb://");
        return (discovered ? loadBalanced.clone() : RestClient.builder())
                .baseUrl(discovered ? "http://" + url.substring(5) : url)
                .requestFactory(pooledRequests(readTimeout, maxConnections))
                .observationRegistry(observations)
                .build();
    }

    /**
     * The caller's token, language and store, plus the calling service's own signature, read on the request thread before the call goes
     * through its circuit breaker (which runs it on the same thread today, but a breaker with a time limiter or a thread
     * pool would move it to one where neither the request nor the tenant context is visible).
     */
    public static HttpHeaders callerHeaders(ServiceTokens serviceTokens) {
        return CallerHeaders.of(serviceTokens, TenantContext.require().key());
    }

    /** Another service's refusal, read from its error body: its code, its message (already in the caller's language), field errors and details. */
    public record Refusal(
            int status,
            String code,
            String message,
            Map<String, List<String>> fieldErrors,
            Map<String, Object> details) {}

    /** Reads another service's 4xx error body, keeping the top-level details named ({@code available}, {@code requested}). */
    public static Refusal refusal(ObjectMapper objectMapper, int status, byte[] body, List<String> details)
            throws IOException {
        JsonNode json = objectMapper.readTree(body);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : details) {
            if (json.has(field)) {
                JsonNode value = json.get(field);
                values.put(field, value.isNumber() ? value.numberValue() : value.asText());
            }
        }
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        json.path("errors").fields().forEachRemaining(e -> {
            List<String> messages = new ArrayList<>();
            e.getValue().forEach(m -> messages.add(m.asText()));
            fieldErrors.put(e.getKey(), messages);
        });
        return new Refusal(
                status,
                json.path("code").asText("invalid"),
                json.path("message").asText(),
                fieldErrors,
                values);
    }
}
