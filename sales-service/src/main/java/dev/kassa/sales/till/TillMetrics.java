package dev.kassa.sales.till;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The till's own metrics, beside the HTTP ones: {@code kassa_scan_seconds} and {@code kassa_checkout_seconds}
 * (histograms with {@code outcome} = completed | refused, buckets around the 50 ms target) and
 * {@code kassa_sales_completed_total}. The alert on checkout p99 and the overview dashboard read them.
 */
@Component
class TillMetrics {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;
    private final Counter completed;

    TillMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.completed = Counter.builder("kassa.sales.completed")
                .description("Sales completed at a till or recorded whole")
                .register(registry);
    }

    <T> T scan(Supplier<T> work) {
        return timed("kassa.scan", work);
    }

    <T> T checkout(Supplier<T> work) {
        T sale = timed("kassa.checkout", work);
        completed.increment();
        return sale;
    }

    /** A one-call sale (offline till, integration) recorded as completed. */
    void recorded() {
        completed.increment();
    }

    private <T> T timed(String name, Supplier<T> work) {
        long start = System.nanoTime();
        String outcome = "refused";
        try {
            T result = work.get();
            outcome = "completed";
            return result;
        } finally {
            Timer.builder(name)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
