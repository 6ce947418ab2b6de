package dev.kassa.infra.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.kassa.infra.bench.BenchContext.PORT_BASE;

/** (d) The gateway's overhead: the same product GET through the gateway and straight to catalog, in bulk and singly. */
final class GatewayOverhead {

    private final BenchContext context;
    private final Results results;

    GatewayOverhead(BenchContext context) {
        this.context = context;
        this.results = context.results();
    }

    /** A run's answered GETs a second, all connections together, and their latencies. */
    private record Hammered(double rate, Latencies latencies) {}

    void run(int step) throws InterruptedException {
        Http viaGateway = context.gateway().as(context.ownerToken(), context.store());
        Http direct = new Http("http://127.0.0.1:" + (PORT_BASE + 2), context.ownerToken(), context.store());
        String path = "/api/products/products/" + context.products().get(0) + "/";
        System.out.println("(d) product GET through the gateway and straight to catalog …");
        hammer(direct, path, 16, 5);
        hammer(viaGateway, path, 16, 5);
        Hammered directRun = hammer(direct, path, 32, step);
        long allocatedBefore = gatewayAllocated();
        Hammered gatewayRun = hammer(viaGateway, path, 32, step);
        long allocated = gatewayAllocated() - allocatedBefore;
        double directRate = directRun.rate();
        double gatewayRate = gatewayRun.rate();
        Latencies directOne = hammer(direct, path, 1, 5).latencies();
        Latencies gatewayOne = hammer(viaGateway, path, 1, 5).latencies();
        double directP50 = directOne.percentile(50);
        double gatewayP50 = gatewayOne.percentile(50);
        // the rates count answered GETs only: a refused one (an
        // expired token, a 503) is an error here, not a slower run
        long errors = directRun.latencies().errors.get()
                + gatewayRun.latencies().errors.get()
                + directOne.errors.get()
                + gatewayOne.errors.get();
        results.row(
                "(d) GET throughput, gateway / direct at 32 connections (≥ 75 %, no errors)",
                String.format(
                        "%.0f / %.0f per s = %.0f %%, errors %s / %s",
                        gatewayRate,
                        directRate,
                        100 * gatewayRate / directRate,
                        gatewayRun.latencies().errorSummary(),
                        directRun.latencies().errorSummary()),
                gatewayRate >= 0.75 * directRate && errors == 0);
        double perCall = allocated / 1024.0 / Math.max(1, gatewayRun.latencies().count());
        results.row(
                "(d) gateway: allocated per proxied GET at 32 connections (≤ 40 KB)",
                String.format(
                        "%.0f KB (%d MB over %d calls)",
                        perCall, allocated >> 20, gatewayRun.latencies().count()),
                allocatedBefore > 0 && perCall <= 40);
        results.row(
                "(d) GET p50 one at a time, gateway − direct (≤ 1.5 ms)",
                String.format("%.2f − %.2f = %.2f ms", gatewayP50, directP50, gatewayP50 - directP50),
                gatewayP50 - directP50 <= 1.5 && errors == 0);
    }

    /**
     * Bytes the gateway's JVM has allocated since it started, from its own meters: Micrometer counts the young generation
     * filled at each collection ({@code jvm_gc_memory_allocated_bytes}); what the eden holds now was allocated since the
     * last one. 0 when the meters cannot be read.
     */
    private long gatewayAllocated() {
        Http.Answer metrics = context.gateway().getText("/actuator/prometheus");
        if (!metrics.ok()) {
            return 0;
        }
        double counted = 0;
        double eden = 0;
        for (String line : metrics.body().asText().split("\n")) {
            if (line.startsWith("jvm_gc_memory_allocated_bytes_total")) {
                counted = value(line);
            } else if (line.startsWith("jvm_memory_used_bytes") && line.contains("id=\"Eden Space\"")) {
                eden = value(line);
            }
        }
        return (long) (counted + eden);
    }

    private static double value(String sample) {
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    private static Hammered hammer(Http http, String path, int connections, int seconds) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    latencies.record(http.get(path));
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return new Hammered(latencies.count() / ((System.nanoTime() - start) / 1e9), latencies);
    }
}
