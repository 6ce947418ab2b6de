package dev.kassa.production.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
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

    /** The store's product {@code id}, or empty when catalog has none the caller may see. */
    public Optional<Product> product(long id) {
        HttpHeaders caller = ServiceCalls.callerHeaders(serviceTokens);
        Supplier<Optional<Product>> once = () -> rest.get()
                .uri("/api/products/products/{id}/", id)
                .headers(h -> h.addAll(caller))
                .exchange((request, response) -> {
                    byte[] answer = response.getBody().readAllBytes();
                    int status = response.getStatusCode().value();
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return Optional.of(json.readValue(answer, Product.class));
                    }
                    if (status == 404) {
                        return Optional.<Product>empty();
                    }
                    if (response.getStatusCode().is4xxClientError()) {
                        var refusal = ServiceCalls.refusal(json, status, answer, List.of());
                        throw new Refused(KassaException.relayed(
                                refusal.status(),
                                refusal.code(),
                                refusal.message(),
                                refusal.fieldErrors(),
                                refusal.details()));
                    }
                    throw new IllegalStateException("catalog answered " + status);
                });
        return breakers.create("catalog").run(Retry.decorateSupplier(retry, once), failure -> {
            if (failure instanceof Refused refused) {
                throw refused.error;
            }
            log.warn("Product {} not read: catalog did not answer ({})", id, failure.toString());
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
