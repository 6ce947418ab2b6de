package dev.kassa.sales.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.calls.ServiceCalls;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.ServiceTokens;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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

    private final ServiceTokens serviceTokens;

    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    /**
     * Calls in flight to catalog at once. A busy store's tills queue here, in sales, instead of piling onto catalog:
     * catalog answers each call quickly and none times out, where a hundred concurrent holds used to overrun the time
     * limit, open the breaker and turn a busy store into 503s for every till.
     */
    private final Semaphore inFlight;

    private final Duration queueWait;
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong loggedAt = new AtomicLong();

    CatalogClient(
            RestClient catalogRestClient,
            CircuitBreakerFactory<?, ?> breakers,
            RetryRegistry retries,
            ObjectMapper objectMapper,
            ServiceTokens serviceTokens,
            OutboxPublisher outbox,
            TransactionTemplate tx,
            SalesProperties properties) {
        this.inFlight = new Semaphore(properties.catalogMaxConcurrentCalls(), true);
        this.queueWait = properties.catalogTimeout();
        this.outbox = outbox;
        this.tx = tx;
        this.serviceTokens = serviceTokens;
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
        return reserve(requestRef, productId, barcode, quantity, batchId, List.of());
    }

    /**
     * {@link #reserve(String, Long, String, BigDecimal, Long)} of a line that chose {@code modifiers} (options of the
     * product's modifier groups): catalog checks them (a 400 on {@code modifiers}) and prices them in the hold.
     */
    public Hold reserve(
            String requestRef,
            Long productId,
            String barcode,
            BigDecimal quantity,
            Long batchId,
            List<Long> modifiers) {
        return reserve(new Line(requestRef, productId, quantity, batchId, modifiers), barcode, false);
    }

    /**
     * Holds one line, named by its product id or by a scanned {@code barcode}; for a sale that already happened at an
     * offline till when {@code allowShort}: what the batches do not have is held anyway (the hold's {@code shortfall})
     * instead of refused.
     */
    private Hold reserve(Line line, String barcode, boolean allowShort) {
        return hold("/internal/reservations", line(line, barcode, allowShort), Hold.class, List.of(line.requestRef()));
    }

    /** One line of a sale the till kept itself, to be held by {@link #reserveAll}, with the options it chose. */
    public record Line(String requestRef, Long productId, BigDecimal quantity, Long batchId, List<Long> modifiers) {}

    /** Catalog's answer to {@link #reserveAll}: the holds in the order of the lines. */
    record Holds(List<Hold> holds) {}

    /**
     * Holds every line of a sale in one call, which catalog makes one transaction: every line is held, or none (the refused
     * line's answer is the refusal). Each line is safe to repeat with the same request ref. With {@code allowShort}, as
     * {@link #reserve(Line, String, boolean)}. A catalog that does not know the call yet (an older version during a
     * rolling upgrade) is asked line by line.
     */
    public List<Hold> reserveAll(List<Line> lines, boolean allowShort) {
        List<Map<String, Object>> body =
                lines.stream().map(l -> line(l, null, allowShort)).toList();
        List<String> refs = lines.stream().map(Line::requestRef).toList();
        try {
            return hold("/internal/reservations/lines", Map.of("lines", body), Holds.class, refs)
                    .holds();
        } catch (KassaException e) {
            if (e.status() != 404 || !"not_found".equals(e.code())) {
                // a line's refusal named as the sale's request names it
                throw renamed(e, "lines.", "items.");
            }
        }
        return lines.stream().map(l -> reserve(l, null, allowShort)).toList();
    }

    /** Catalog's answer to {@link #pricesSince}. */
    record Prices(List<BigDecimal> prices) {}

    /**
     * The sale prices the product had at {@code since} or took after it (for an offline till's price: only one the product
     * really had is kept); a read, so a failed attempt is retried as the holds are.
     */
    public List<BigDecimal> pricesSince(long productId, Instant since) {
        HttpHeaders caller = callerHeaders();
        return call(() -> rest.get()
                        .uri(u -> u.path("/internal/products/{id}/prices")
                                .queryParam("since", since.toString())
                                .build(productId))
                        .headers(h -> h.addAll(caller))
                        .exchange((request, response) -> {
                            if (response.getStatusCode().is2xxSuccessful()) {
                                return objectMapper.readValue(response.getBody(), Prices.class);
                            }
                            throw translate(
                                    response.getStatusCode().value(),
                                    response.getBody().readAllBytes());
                        }))
                .prices();
    }

    /**
     * The current store's menu for a table's public page: a call with no user behind it, signed by sales (catalog answers
     * {@code /internal/} to Kassa's own components only); a read, retried as the holds are.
     */
    public CatalogMenu.Menu menu() {
        HttpHeaders caller = callerHeaders();
        return call(() -> rest.get()
                .uri("/internal/menu")
                .headers(h -> h.addAll(caller))
                .exchange((request, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return objectMapper.readValue(response.getBody(), CatalogMenu.Menu.class);
                    }
                    throw translate(
                            response.getStatusCode().value(), response.getBody().readAllBytes());
                }));
    }

    /**
     * Lines an order would take, priced by the current store's menu of now (a call with no user behind it, as the menu's):
     * the options checked as a till's hold checks them; a line refused is a 400 on {@code <field>.<i>.modifiers}, or on
     * {@code modifiers} when {@code field} is null (a single line).
     */
    public List<CatalogMenu.PricedLine> price(List<CatalogMenu.MenuLine> lines, String field) {
        HttpHeaders caller = callerHeaders();
        List<Map<String, Object>> body = lines.stream()
                .map(l -> Map.<String, Object>of("product", l.product(), "modifiers", l.modifiers()))
                .toList();
        try {
            return call(() -> rest.post()
                            .uri("/internal/menu/lines")
                            .headers(h -> h.addAll(caller))
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("lines", body))
                            .exchange((request, response) -> {
                                if (response.getStatusCode().is2xxSuccessful()) {
                                    return objectMapper.readValue(response.getBody(), CatalogMenu.PricedLines.class);
                                }
                                throw translate(
                                        response.getStatusCode().value(),
                                        response.getBody().readAllBytes());
                            }))
                    .lines();
        } catch (KassaException e) {
            throw field == null ? renamed(e, "lines.0.", "") : renamed(e, "lines.", field + ".");
        }
    }

    /** Catalog's refusal with its fields' names starting {@code from} named starting {@code to} instead. */
    private static KassaException renamed(KassaException e, String from, String to) {
        if (e.fieldErrors().keySet().stream().noneMatch(k -> k.startsWith(from))) {
            return e;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        e.fieldErrors().forEach((k, v) -> fields.put(k.startsWith(from) ? to + k.substring(from.length()) : k, v));
        return KassaException.relayed(e.status(), e.code(), e.messageKey(), fields, e.details());
    }

    /** A line as catalog's hold reads it. */
    private static Map<String, Object> line(Line line, String barcode, boolean allowShort) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_ref", line.requestRef());
        body.put("product_id", line.productId());
        body.put("barcode", barcode);
        body.put("quantity", line.quantity());
        body.put("batch_id", line.batchId());
        if (allowShort) {
            body.put("allow_short", true);
        }
        if (line.modifiers() != null && !line.modifiers().isEmpty()) {
            body.put("modifiers", line.modifiers());
        }
        return body;
    }

    /**
     * Posts a hold and reads catalog's answer; when catalog fails or does not answer, the holds of {@code refs} are released
     * through the outbox: they may still commit in catalog after we gave up on them (catalog is evidently busy or away), and
     * the release cancels them then, or makes catalog refuse them if they have not arrived yet.
     */
    private <T> T hold(String path, Object body, Class<T> answer, List<String> refs) {
        HttpHeaders caller = callerHeaders();
        try {
            return call(() -> rest.post()
                    .uri(path)
                    .headers(h -> h.addAll(caller))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return objectMapper.readValue(response.getBody(), answer);
                        }
                        throw translate(
                                response.getStatusCode().value(),
                                response.getBody().readAllBytes());
                    }));
        } catch (KassaException e) {
            if (e.status() >= 500) {
                releaseLater(refs);
            }
            throw e;
        }
    }

    /**
     * Releases holds at once when catalog answers, and otherwise through the outbox ({@link HoldsReleased}), so a release
     * is never lost: not to a slow catalog, nor to an open breaker (releases do not go through it: they are what lets
     * catalog recover). Catalog orders a release after a hold of the same reference.
     */
    public void release(List<String> requestRefs) {
        if (requestRefs.isEmpty()) {
            return;
        }
        try {
            HttpHeaders caller = callerHeaders();
            Retry.decorateSupplier(retry, () -> rest.post()
                            .uri("/internal/reservations/release")
                            .headers(h -> h.addAll(caller))
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("request_refs", requestRefs))
                            .retrieve()
                            .toBodilessEntity())
                    .get();
        } catch (RuntimeException e) {
            log.warn("Releasing holds {} through events: catalog did not answer ({})", requestRefs, e.toString());
            releaseLater(requestRefs);
        }
    }

    /** Releases holds through the outbox only: catalog gets {@link HoldsReleased} whenever it reads sales' events. */
    public void releaseLater(List<String> requestRefs) {
        tx.executeWithoutResult(
                s -> outbox.publish(TenantContext.require().key(), new HoldsReleased(List.copyOf(requestRefs))));
    }

    /**
     * Both catalog calls are idempotent per request ref, so a failed attempt is retried (resilience4j "catalog" retry)
     * within the breaker's time limit. At most {@code kassa.sales.catalog-max-concurrent-calls} run at once; a call that
     * finds no place within the catalog timeout answers 503 without reaching catalog (and without counting against it).
     */
    private <T> T call(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = inFlight.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            unavailable("all " + inFlight.availablePermits() + " places to catalog stayed busy");
            throw SalesErrors.CATALOG_UNAVAILABLE.exception();
        }
        try {
            return breakers.create("catalog").run(Retry.decorateSupplier(retry, work), failure -> {
                if (failure instanceof CatalogFailures.CatalogRejected rejected) {
                    throw rejected.error();
                }
                unavailable(failure.toString());
                throw SalesErrors.CATALOG_UNAVAILABLE.exception();
            });
        } finally {
            inFlight.release();
        }
    }

    /** One warning per ten seconds at most, with the count: an outage must not flood the log with a line per scan. */
    private void unavailable(String cause) {
        long n = unavailable.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = loggedAt.get();
        if (now - last >= 10_000 && loggedAt.compareAndSet(last, now)) {
            unavailable.addAndGet(-n);
            log.warn(
                    "Catalog unavailable for {} call(s) since the last report; last cause: {}",
                    n,
                    cause.replaceAll("[\\r\\n]+", " "));
        }
    }

    private HttpHeaders callerHeaders() {
        return ServiceCalls.callerHeaders(serviceTokens);
    }

    private RuntimeException translate(int status, byte[] body) throws IOException {
        if (status >= 500) {
            return new IllegalStateException("catalog answered " + status);
        }
        var refusal = ServiceCalls.refusal(
                objectMapper, status, body, List.of("available", "requested", "product_id", "component_id"));
        // the message was already resolved by catalog in the caller's language: pass it through as the "key"
        return new CatalogFailures.CatalogRejected(KassaException.relayed(
                status, refusal.code(), refusal.message(), refusal.fieldErrors(), refusal.details()));
    }
}
