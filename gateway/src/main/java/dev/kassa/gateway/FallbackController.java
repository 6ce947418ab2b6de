package dev.kassa.gateway;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a route's circuit breaker sends the calls it did not complete: a fast 503 in the error body with Retry-After,
 * {@code overloaded} when the route's bulkhead was full (the gateway's own limit) and {@code service_unavailable} when the
 * service failed, timed out or its breaker is open. Counted in {@code kassa_gateway_fallbacks_total{route,reason}} and
 * logged as one summary line per route and reason at most every ten seconds, never a stack trace per call.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final long LOG_EVERY_MS = 10_000;

    private record Tally(AtomicLong count, AtomicLong loggedAt) { }

    private final ErrorWriter errors;
    private final MeterRegistry meters;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    FallbackController(ErrorWriter errors, MeterRegistry meters) {
        this.errors = errors;
        this.meters = meters;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        String route = service.replaceAll("[^a-z-]", "");
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String reason = cause instanceof BulkheadFullException ? "overloaded" : cause instanceof CallNotPermittedException ? "breaker_open"
                : cause instanceof TimeoutException ? "timeout" : "failed";
        record(route, reason, cause);
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        try {
            exchange.getResponse().getHeaders().set("Retry-After", "overloaded".equals(reason) ? "1" : "5");
        } catch (UnsupportedOperationException readOnly) {
            // the upstream answer had already begun: its headers can no longer change
        }
        return "overloaded".equals(reason)
                ? errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "error.overloaded", route)
                : errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "error.service_unavailable", route);
    }

    private void record(String route, String reason, Throwable cause) {
        meters.counter("kassa_gateway_fallbacks_total", "route", route, "reason", reason).increment();
        Tally tally = tallies.computeIfAbsent(route + "/" + reason, k -> new Tally(new AtomicLong(), new AtomicLong()));
        long n = tally.count().incrementAndGet();
        long now = System.currentTimeMillis();
        long last = tally.loggedAt().get();
        if (now - last >= LOG_EVERY_MS && tally.loggedAt().compareAndSet(last, now)) {
            tally.count().addAndGet(-n);
            log.warn("route={} reason={} answered 503 to {} call(s) in the last {} s; last cause: {}", route, reason, n,
                    last == 0 ? 0 : (now - last) / 1000, cause == null ? "-" : cause.toString().replaceAll("[\\r\\n]+", " "));
        }
    }
}
