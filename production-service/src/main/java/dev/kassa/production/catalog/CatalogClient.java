package dev.kassa.production.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.calls.ServiceCalls;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.ServiceTokens;
import dev.kassa.production.ProductionErrors;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The products production makes, as catalog has them (read with the caller's own rights, so a product of a store the
 * caller may not read is none): behind the {@code catalog} breaker; a call that never reached catalog is sent once more
 * to another instance; when catalog does not answer, 503 {@code catalog_unavailable} and nothing is stored.
 */
@Component
public class CatalogClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);

    /** A product as an order names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(long id, String name, String sku, String unitShort) {}

    private final RestClient rest;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final Retry retry;
    private final ObjectMapper json;
    private final ServiceTokens serviceTokens;

    CatalogClient(
            ProductionProperties properties,
            @LoadBalanced RestClient.Builder loadBalanced,
            CircuitBreakerFactory<?, ?> breakers,
            RetryRegistry retries,
            ObjectMapper json,
            ServiceTokens serviceTokens,
            ObjectProvider<ObservationRegistry> observations) {
        this.rest = ServiceCalls.client(
                properties.catalogUrl(),
                loadBalanced,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                properties.catalogTimeout(),
                16);
        this.breakers = breakers;
        this.retry = retries.retry("catalog");
        this.json = json;
        this.serviceTokens = serviceTokens;
    }

    /** A product's recipe: what one unit is made of, each component with what catalog has of it for sale. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipe(long product, List<Material> components) {}

    /** A component of a recipe: how much one unit takes, and what is available of it (held stock left out). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Material(
            long product,
            String name,
            String unit,
            BigDecimal quantity,
            boolean trackInventory,
            BigDecimal available) {}

    /** A material to hold for an order, under its reference. */
    public record Hold(String requestRef, long productId, BigDecimal quantity) {}

    /** The store's product {@code id}, or empty when catalog has none the caller may see. */
    public Optional<Product> product(long id) {
        return read("product " + id, "/api/products/products/{id}/", id, Product.class);
    }

    /** The product's recipe (no components: it is made of nothing catalog keeps), or empty for a product it lacks. */
    public Optional<Recipe> recipe(long product) {
        return read("recipe of " + product, "/api/products/products/{id}/recipe/", product, Recipe.class);
    }

    /**
     * Holds every material at once, kept until released or taken (catalog's holds API, the one tills use): all held or
     * none, each safe to repeat under its reference; catalog's refusal (a material short meanwhile) passes unchanged.
     */
    public void hold(List<Hold> materials) {
        List<Map<String, Object>> lines = materials.stream()
                .map(m -> Map.<String, Object>of(
                        "request_ref",
                        m.requestRef(),
                        "product_id",
                        m.productId(),
                        "quantity",
                        m.quantity().toPlainString(),
                        "kept",
                        true))
                .toList();
        HttpHeaders caller = ServiceCalls.callerHeaders(serviceTokens);
        call("materials held", () -> rest.post()
                .uri("/internal/reservations/lines")
                .headers(h -> h.addAll(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("lines", lines))
                .exchange((request, response) -> {
                    answer(response.getStatusCode().value(), response.getBody().readAllBytes(), JsonNode.class);
                    return Boolean.TRUE;
                }));
    }

    /** Releases holds at once (a release that could not be kept, a plan undone); refused or away: 503. */
    public void release(List<String> refs) {
        HttpHeaders caller = ServiceCalls.callerHeaders(serviceTokens);
        call("holds released", () -> rest.post()
                .uri("/internal/reservations/release")
                .headers(h -> h.addAll(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("request_refs", refs))
                .exchange((request, response) -> {
                    answer(response.getStatusCode().value(), response.getBody().readAllBytes(), JsonNode.class);
                    return Boolean.TRUE;
                }));
    }

    private <T> Optional<T> read(String what, String path, long id, Class<T> type) {
        HttpHeaders caller = ServiceCalls.callerHeaders(serviceTokens);
        return call(
                what,
                () -> rest.get().uri(path, id).headers(h -> h.addAll(caller)).exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    byte[] body = response.getBody().readAllBytes();
                    return status == 404 ? Optional.<T>empty() : Optional.of(answer(status, body, type));
                }));
    }

    /** Catalog's answer read as {@code type}; its 4xx refusal thrown as it is; anything else a failure. */
    private <T> T answer(int status, byte[] body, Class<T> type) throws java.io.IOException {
        if (status >= 200 && status < 300) {
            return json.readValue(body, type);
        }
        if (status >= 400 && status < 500) {
            var refusal = ServiceCalls.refusal(json, status, body, List.of("available", "requested"));
            throw new Refused(KassaException.relayed(
                    refusal.status(), refusal.code(), refusal.message(), refusal.fieldErrors(), refusal.details()));
        }
        throw new IllegalStateException("catalog answered " + status);
    }

    /** One call through the breaker and the retry: catalog's refusals pass, a catalog away is 503. */
    private <T> T call(String what, Supplier<T> once) {
        return breakers.create("catalog").run(Retry.decorateSupplier(retry, once), failure -> {
            if (failure instanceof Refused refused) {
                throw refused.error;
            }
            log.warn("{}: catalog did not answer ({})", what, failure.toString());
            throw ProductionErrors.CATALOG_UNAVAILABLE.exception();
        });
    }

    /** Catalog's own refusal: final, not a failure of the service. */
    static final class Refused extends RuntimeException {
        final transient KassaException error;

        Refused(KassaException error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }
}
