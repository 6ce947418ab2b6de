package dev.kassa.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls a route answered 503 itself (its queue was full or too slow, its service failed, timed out or its breaker is
 * open): counted in {@code kassa_gateway_fallbacks_total{route,reason}} and logged as one summary line per route and
 * reason at most every ten seconds, never a line or a stack trace per call (an overloaded route refuses hundreds a second).
 */
@Component
class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    private static final long LOG_EVERY_MS = 10_000;

    private record Tally(AtomicLong count, AtomicLong loggedAt) {}

    private final MeterRegistry meters;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    Refusals(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Exports the route's counters at zero for the reasons it may refuse with, before any refusal: dashboards and alerts read
     * a series that exists (a rate over a missing series is no data, not 0), and a healthy suite refuses nothing.
     */
    void expect(String route, String... reasons) {
        for (String reason : reasons) {
            meters.counter("kassa_gateway_fallbacks_total", "route", route, "reason", reason);
        }
    }

    /** One refused call of {@code route}; {@code cause} says why, for the summary line. */
    void record(String route, String reason, String cause) {
        meters.counter("kassa_gateway_fallbacks_total", "route", route, "reason", reason)
                .increment();
        Tally tally = tallies.computeIfAbsent(route + "/" + reason, k -> new Tally(new AtomicLong(), new AtomicLong()));
        long n = tally.count().incrementAndGet();
        long now = System.currentTimeMillis();
        long last = tally.loggedAt().get();
        if (now - last >= LOG_EVERY_MS && tally.loggedAt().compareAndSet(last, now)) {
            tally.count().addAndGet(-n);
            log.warn(
                    "route={} reason={} answered 503 to {} call(s) in the last {} s; last cause: {}",
                    route,
                    reason,
                    n,
                    last == 0 ? 0 : (now - last) / 1000,
                    cause.replaceAll("[\\r\\n]+", " "));
        }
    }
}
