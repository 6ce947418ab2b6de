package dev.kassa.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * (a) Realistic load: 50 tills, three scans a second apart then a cash checkout, with the owner's live feed open; its
 * latencies, errors, CPU per sale, and each sale's delay to analytics, to catalog's stock and to the live feed.
 */
final class RealisticLoad {

    private final BenchContext context;
    private final TillLoad load;
    private final SaleDelays delays;
    private final Results results;

    RealisticLoad(BenchContext context, TillLoad load, SaleDelays delays) {
        this.context = context;
        this.load = load;
        this.delays = delays;
        this.results = context.results();
    }

    void run(int seconds) throws Exception {
        // the saturated warm-up can leave the consumers minutes behind (catalog's stock movements above all); (a)
        // measures 50 paced tills, not the warm-up's backlog being worked off beside them
        long settled = load.settle(600);
        results.row("(a) suite idle again after the warm-up, consumers caught up (reported)", settled + " s", true);
        // the warm-up saturates the machine, so its compilers' share is small because they
        // are starved, not because they are done; the same load as (a), owner's live feed
        // included, first runs unmeasured for a minute, and the compilers finish with the CPU
        // the paced tills leave (JIT 9 ms of the 56 ms per sale in (a) without this round)
        System.out.println("(a) the same load, not measured, 60 s …");
        try (AutoCloseable warmFeed = liveFeed(new Latencies())) {
            load.drive(50, 1000, 60).printProgress("(a) unmeasured minute");
        }
        System.out.printf("(a) 50 tills, three scans a second apart then checkout, %d s …%n", seconds);
        Instant start = Instant.now();
        Latencies live = new Latencies();
        LoadRun run;
        try (AutoCloseable feed = liveFeed(live)) {
            run = load.drive(50, 1000, seconds);
            // the run's last sales reach the feed up to a fetch wait (a quarter of a second) after it: the feed stays
            // open until all of them have, so the slowest are counted too (at most 10 s)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (live.count() < run.completed() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        Instant end = Instant.now();
        results.row(
                "(a) scan p50 / p95 / p99 (p99 ≤ 50 ms)",
                String.format(
                        "%.1f / %.1f / %.1f ms",
                        run.scans().percentile(50),
                        run.scans().percentile(95),
                        run.scans().percentile(99)),
                run.scans().percentile(99) <= 50);
        results.row(
                "(a) checkout p50 / p95 / p99 (p99 ≤ 50 ms)",
                String.format(
                        "%.1f / %.1f / %.1f ms",
                        run.checkouts().percentile(50),
                        run.checkouts().percentile(95),
                        run.checkouts().percentile(99)),
                run.checkouts().percentile(99) <= 50);
        results.row(
                "(a) errors (0); completed sales",
                run.scans().errorSummary() + " scan, " + run.checkouts().errorSummary() + " checkout; "
                        + run.completed(),
                run.errors() == 0);
        results.row("(a) CPU per completed sale, whole machine (reported)", run.cpuPerSale(), true);
        delays.analytics(
                "(e) sale completed → in analytics during (a), 50 tills: p50 / p99 (p99 ≤ 1000 ms)", start, end);
        delays.stock("(e) sale completed → stock moved in catalog during (a): p50 / p99 (reported)", start, end);
        results.row(
                "(e) sale completed → in the owner's live feed during (a): p50 / p99 (p99 ≤ 1000 ms)",
                String.format(
                        "%.0f / %.0f ms over %d of %d sales",
                        live.percentile(50), live.percentile(99), live.count(), run.completed()),
                live.count() > 0 && live.percentile(99) <= 1000);
    }

    /**
     * The owner's live feed, open until the answer is closed: each completed sale's delay from its completion to its
     * line in the feed goes to {@code delays}. Closing closes the connection (cancelling the future alone left the
     * stream open, so the gateway and analytics kept streaming every later sale of the run to the benchmark).
     */
    private AutoCloseable liveFeed(Latencies delays) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(context.suite().gatewayUrl() + "/api/analytics/live"))
                .header("Authorization", "Bearer " + context.ownerToken())
                .header("X-Tenant-Key", context.store())
                .header("Accept", "text/event-stream")
                .build();
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<Stream<String>> lines = new AtomicReference<>();
        CompletableFuture<?> feed = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.set(response.body());
                    if (closed.get()) {
                        response.body().close();
                        return;
                    }
                    response.body().forEach(line -> {
                        int at = line.indexOf("\"at\":\"");
                        if (line.startsWith("data:") && line.contains("receipt_number") && at > 0) {
                            Instant completed = Instant.parse(line.substring(at + 6, line.indexOf('"', at + 6)));
                            delays.add(
                                    Duration.between(completed, Instant.now()).toNanos());
                        }
                    });
                });
        return () -> {
            closed.set(true);
            Stream<String> open = lines.get();
            if (open != null) {
                open.close();
            }
            feed.cancel(true);
        };
    }
}
