package dev.kassa.sales.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.TenantMembershipFilter;
import dev.kassa.platform.tenancy.TenantContext;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls catalog-service with the caller's own token and store key (so catalog applies the same
 * membership and role checks), through a resilience4j circuit breaker with a timeout: when catalog is
 * down or slow, callers get a 503 {@code catalog_unavailable} quickly. Catalog's own 4xx answers
 * ({@code insufficient_stock}, {@code product_not_found}, …) pass through unchanged, are not retried and do not trip
 * the breaker.
 */
@Component
public class CatalogClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);

    private final RestClient rest;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final Retry retry;
    private final ObjectMapper objectMapper;

    CatalogClient(RestClient catalogRestClient, CircuitBreakerFactory<?, ?> breakers, RetryRegistry retries, ObjectMapper objectMapper) {
        this.rest = catalogRestClient;
        this.breakers = breakers;
        this.retry = retries.retry("catalog");
        this.objectMapper = objectMapper;
    }

    /**
     * Holds stock for one line, named by product id or by a scanned {@code barcode} (catalog resolves it in the same
     * call); safe to repeat with the same request ref.
     */
    public Hold reserve(String requestRef, Long productId, String barcode, BigDecimal quantity, Long batchId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_ref", requestRef);
        body.put("product_id", productId);
        body.put("barcode", barcode);
        body.put("quantity", quantity);
        body.put("batch_id", batchId);
        HttpHeaders caller = callerHeaders();
        return call(() -> rest.post().uri("/internal/reservations").headers(h -> h.addAll(caller)).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange((request, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return objectMapper.readValue(response.getBody(), Hold.class);
                    }
                    throw translate(response.getStatusCode().value(), response.getBody().readAllBytes());
                }));
    }

    /** Best effort: a hold that is not released lapses by its TTL. */
    public void release(List<String> requestRefs) {
        try {
            HttpHeaders caller = callerHeaders();
            call(() -> rest.post().uri("/internal/reservations/release").headers(h -> h.addAll(caller)).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("request_refs", requestRefs)).retrieve().toBodilessEntity());
        } catch (RuntimeException e) {
            log.warn("Could not release holds {}; they lapse by themselves ({})", requestRefs, e.toString());
        }
    }

    /** Both catalog calls are idempotent per request ref, so a failed attempt is retried (resilience4j "catalog" retry) within the breaker's time limit. */
    private <T> T call(java.util.function.Supplier<T> work) {
        return breakers.create("catalog").run(Retry.decorateSupplier(retry, work), failure -> {
            if (failure instanceof CatalogRejected rejected) {
                throw rejected.error();
            }
            log.warn("Catalog unavailable: {}", failure.toString());
            throw new KassaException(503, "catalog_unavailable", "sales.catalog_unavailable");
        });
    }

    /**
     * The caller's token, language and store, read on the request thread: the breaker runs the call on
     * another thread, where neither the request nor the tenant context is visible.
     */
    private static HttpHeaders callerHeaders() {
        HttpHeaders headers = new HttpHeaders();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String authorization = attributes.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
            String language = attributes.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
            if (language != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            }
        }
        headers.set(TenantMembershipFilter.HEADER, TenantContext.require().key());
        return headers;
    }

    private RuntimeException translate(int status, byte[] body) throws IOException {
        if (status >= 500) {
            return new IllegalStateException("catalog answered " + status);
        }
        JsonNode json = objectMapper.readTree(body);
        Map<String, Object> details = new LinkedHashMap<>();
        for (String field : List.of("available", "requested")) {
            if (json.has(field)) {
                details.put(field, json.get(field).asText());
            }
        }
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        json.path("errors").fields().forEachRemaining(e -> {
            List<String> messages = new java.util.ArrayList<>();
            e.getValue().forEach(m -> messages.add(m.asText()));
            fieldErrors.put(e.getKey(), messages);
        });
        // the message was already resolved by catalog in the caller's language: pass it through as the "key"
        return new CatalogRejected(new KassaException(status, json.path("code").asText("invalid"), json.path("message").asText(),
                fieldErrors, details));
    }

    /** A 4xx from catalog: a business answer, not a failure of the dependency. */
    static final class CatalogRejected extends RuntimeException {
        private final transient KassaException error;

        CatalogRejected(KassaException error) {
            super(error.code(), null, false, false);
            this.error = error;
        }

        KassaException error() {
            return error;
        }
    }
}
