package dev.kassa.sales.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.calls.ServiceCalls;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.ServiceTokens;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.SalesProperties;
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

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The till's calls to customer-service, with the cashier's own token and store key (the same membership and role checks
 * apply there): who buys (validated, found by phone or created), credit held for the credit tender and points for the bonus
 * tender. customer-service's refusals ({@code credit_limit_exceeded} with {@code available} and {@code requested},
 * {@code insufficient_points}, an unknown customer) reach the till unchanged; when it does not answer, the checkout answers
 * 503 {@code customers_unavailable} and nothing is owed.
 */
@Component
public class CustomerClient {

    private static final Logger log = LoggerFactory.getLogger(CustomerClient.class);

    private final RestClient rest;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final Retry retry;
    private final ObjectMapper objectMapper;
    private final ServiceTokens serviceTokens;

    CustomerClient(
            SalesProperties properties,
            @LoadBalanced RestClient.Builder loadBalanced,
            CircuitBreakerFactory<?, ?> breakers,
            ObjectMapper objectMapper,
            ServiceTokens serviceTokens,
            RetryRegistry retries,
            ObjectProvider<ObservationRegistry> observations) {
        this.retry = retries.retry("customer");
        this.rest = ServiceCalls.client(
                properties.customerUrl(),
                loadBalanced,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                properties.customerTimeout(),
                16);
        this.breakers = breakers;
        this.objectMapper = objectMapper;
        this.serviceTokens = serviceTokens;
    }

    /** The buyer as customer-service knows them: what the till applies (group discount) and may take (points, credit). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TillCustomer(
            long id,
            String fullName,
            String phone,
            String groupName,
            BigDecimal discountPercent,
            int loyaltyPoints,
            BigDecimal pointValue,
            BigDecimal availableCredit,
            boolean isBlocked,
            boolean created) {}

    /**
     * Who buys: {@code customerId} must name an active customer (else 400 on {@code customer_id}); {@code newCustomer} is the
     * customer with its phone or a new one; a bare phone finds its customer if there is one. Null when nobody is named.
     */
    public TillCustomer resolve(Long customerId, String name, String phone, Map<String, Object> newCustomer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_id", customerId);
        body.put("customer_name", name);
        body.put("customer_phone", phone);
        body.put("new_customer", newCustomer);
        JsonNode customer =
                call("/internal/till-customers", body, "buyer", null).path("customer");
        try {
            return customer.isObject() ? objectMapper.treeToValue(customer, TillCustomer.class) : null;
        } catch (IOException e) {
            throw new IllegalStateException("customer-service answered a buyer sales cannot read", e);
        }
    }

    /** Holds {@code amount} of the customer's credit for the sale; safe to repeat with the same reference. */
    public void hold(String requestRef, long customerId, BigDecimal amount, long saleId) {
        hold(requestRef, customerId, amount, saleId, false);
    }

    /**
     * {@link #hold(String, long, BigDecimal, long)}, for a sale that already happened at an offline till when
     * {@code overLimit}: held beyond the customer's credit limit instead of refused. Answers how far over the limit the
     * hold went (zero within it).
     */
    public BigDecimal hold(String requestRef, long customerId, BigDecimal amount, long saleId, boolean overLimit) {
        Map<String, Object> body = holdBody(requestRef, customerId, amount, saleId);
        if (overLimit) {
            body.put("allow_over_limit", true);
        }
        JsonNode held = call("/internal/credit-holds", body, "credit hold for sale " + saleId, requestRef);
        // amounts come as JSON strings ("10000.00"), as every amount Kassa answers
        return held.hasNonNull("over_limit")
                ? new BigDecimal(held.path("over_limit").asText())
                : BigDecimal.ZERO;
    }

    /** Holds the loyalty points that pay {@code amount} of the sale (the bonus tender); safe to repeat with the same reference. */
    public void holdBonus(String requestRef, long customerId, BigDecimal amount, long saleId) {
        call(
                "/internal/bonus-holds",
                holdBody(requestRef, customerId, amount, saleId),
                "bonus hold for sale " + saleId,
                requestRef);
    }

    private static Map<String, Object> holdBody(String requestRef, long customerId, BigDecimal amount, long saleId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_ref", requestRef);
        body.put("customer_id", customerId);
        body.put("amount", amount);
        body.put("sale_id", String.valueOf(saleId));
        return body;
    }

    /**
     * One call to customer-service through its breaker: its refusals reach the till unchanged; when it does not answer, 503
     * {@code customers_unavailable} (a hold that may still commit there is released, or expires, and never becomes debt).
     */
    private JsonNode call(String path, Map<String, Object> body, String what, String holdRef) {
        HttpHeaders caller = ServiceCalls.callerHeaders(serviceTokens);
        Supplier<JsonNode> once = () -> rest.post()
                .uri(path)
                .headers(h -> h.addAll(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    byte[] answer = response.getBody().readAllBytes();
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return answer.length == 0 ? objectMapper.createObjectNode() : objectMapper.readTree(answer);
                    }
                    if (response.getStatusCode().is4xxClientError()) {
                        var refusal = ServiceCalls.refusal(
                                objectMapper,
                                response.getStatusCode().value(),
                                answer,
                                List.of("available", "requested", "available_points", "requested_points"));
                        throw new Refused(KassaException.relayed(
                                refusal.status(),
                                refusal.code(),
                                refusal.message(),
                                refusal.fieldErrors(),
                                refusal.details()));
                    }
                    throw new IllegalStateException("customer-service answered "
                            + response.getStatusCode().value());
                });
        // a call the chosen instance refused at connect (it is gone) is sent once more: nothing was sent, and the load
        // balancer
        // now skips that instance (resilience4j "customer" retry)
        return breakers.create("customer").run(Retry.decorateSupplier(retry, once), failure -> {
            if (failure instanceof Refused refused) {
                throw refused.error;
            }
            log.warn("{} refused: customer-service did not answer ({})", what, failure.toString());
            if (holdRef != null) {
                release(holdRef);
            }
            throw SalesErrors.CUSTOMERS_UNAVAILABLE.exception();
        });
    }

    /** Gives a failed checkout's hold back at once; when customer-service is away the hold expires by itself (30 minutes). */
    public void release(String requestRef) {
        try {
            HttpHeaders caller = ServiceCalls.callerHeaders(serviceTokens);
            rest.post()
                    .uri("/internal/credit-holds/release")
                    .headers(h -> h.addAll(caller))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("request_refs", List.of(requestRef)))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("Credit hold {} not released now ({}); it expires by itself", requestRef, e.toString());
        }
    }

    /** customer-service's own refusal: final, not a failure of the service. */
    static final class Refused extends RuntimeException {
        final KassaException error;

        Refused(KassaException error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }
}
