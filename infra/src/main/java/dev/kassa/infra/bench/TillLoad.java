package dev.kassa.infra.bench;

import dev.kassa.infra.ProcessMeter;
import dev.kassa.infra.bench.BenchContext.Till;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.kassa.infra.bench.Http.json;

/**
 * The store's tills selling, each in a loop of three scans and a cash checkout at its own pace (a web till: the draft
 * is on the server), or of three-line sales sent whole (a till that keeps its draft: {@link Sale#SENT_WHOLE}), with the
 * suite's CPU time measured around the load; and the wait for the suite to go idle between loads.
 */
final class TillLoad {

    /** How a till sells one sale. */
    enum Sale {
        /** Three scans (with a pause between them), then a cash checkout: the original web client's till. */
        SCANNED,
        /**
         * The same three lines and cash payment sent in one call ({@code POST /api/sales/sales/} with a {@code client_id}):
         * a till that keeps its draft itself, as the mobile and offline tills do.
         */
        SENT_WHOLE
    }

    private final BenchContext context;
    private final ProcessMeter meter;

    TillLoad(BenchContext context) {
        this.context = context;
        this.meter = context.suite().meter();
    }

    /** The first {@code count} tills selling for {@code seconds}, a scan every {@code pauseMillis} (0: no pauses). */
    LoadRun drive(int count, long pauseMillis, int seconds) throws InterruptedException {
        return drive(count, pauseMillis, seconds, Sale.SCANNED);
    }

    /**
     * The first {@code count} tills selling {@code sale} for {@code seconds}, a request every {@code pauseMillis} (0: no
     * pauses). A sale sent whole counts as a checkout.
     */
    LoadRun drive(int count, long pauseMillis, int seconds, Sale sale) throws InterruptedException {
        Latencies scans = new Latencies();
        Latencies checkouts = new Latencies();
        AtomicLong completed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Till> tills = context.tills();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        Map<String, Long> cpuBefore = meter.cpuTicksByProcess();
        long compilerBefore = compilerTicks();
        MachineTicks machineBefore = MachineTicks.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Till till = tills.get(i);
            // paced tills start spread over one pause, as a shop's cashiers do: started together they stay in step, and
            // each second's 50 scans arrive as one burst that queues behind itself (the last waits for the other 49)
            Pace pace = new Pace(pauseMillis, pauseMillis * i / count);
            pool.submit(() -> {
                try {
                    while (!stop.get()) {
                        if (sale == Sale.SCANNED
                                ? sell(till, pace, scans, checkouts)
                                : sellWhole(till, pace, checkouts)) {
                            completed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        Map<String, Long> cpu = new LinkedHashMap<>();
        meter.cpuTicksByProcess().forEach((name, ticks) -> cpu.put(name, ticks - cpuBefore.getOrDefault(name, 0L)));
        return new LoadRun(
                scans,
                checkouts,
                completed.get(),
                (System.nanoTime() - start) / 1e9,
                cpu,
                compilerTicks() - compilerBefore,
                MachineTicks.now().minus(machineBefore));
    }

    /** One till's sale: three scans (with a pause between them), then a cash checkout. Returns whether it completed. */
    private boolean sell(Till till, Pace pace, Latencies scans, Latencies checkouts) throws InterruptedException {
        Http.Answer last = null;
        for (int i = 0; i < 3; i++) {
            pace.await();
            Http.Answer scan = till.http()
                    .post(
                            "/api/sales/sales/scan-item/",
                            json("session", till.session(), "barcode", context.randomBarcode(), "quantity", 1));
            scans.record(scan);
            if (scan.ok()) {
                last = scan;
            }
            pace.advance();
        }
        if (last == null) {
            return false;
        }
        pace.await();
        String total = last.text("/data/total_amount");
        Http.Answer checkout = till.http()
                .post(
                        "/api/sales/sales/" + last.body().at("/data/id").asLong() + "/checkout/",
                        json(
                                "payments",
                                List.of(json("payment_method", "cash", "amount", total, "received_amount", total))));
        checkouts.record(checkout);
        return checkout.ok();
    }

    /** One till's sale sent whole: three lines, paid in cash, in one call. Returns whether it was recorded. */
    private boolean sellWhole(Till till, Pace pace, Latencies sales) throws InterruptedException {
        pace.await();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(json("product", context.randomProduct(), "quantity", 1));
        }
        String total =
                BenchContext.PRICE.multiply(BigDecimal.valueOf(lines.size())).toPlainString();
        Http.Answer sold = till.http()
                .post(
                        "/api/sales/sales/",
                        json(
                                "client_id",
                                UUID.randomUUID().toString(),
                                "session",
                                till.session(),
                                "items",
                                lines,
                                "payments",
                                List.of(json("payment_method", "cash", "amount", total, "received_amount", total))));
        sales.record(sold);
        pace.advance();
        return sold.ok();
    }

    private long compilerTicks() {
        return meter.compilerTicksByProcess().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Waits (up to a minute) until the suite is idle, under a fifth of one core for two seconds: the consumers catching up
     * after a load and the compiler finishing its queue otherwise share the cores with a measurement one request at a time.
     */
    void settle() throws InterruptedException {
        settle(60);
    }

    /** {@link #settle()} for up to {@code seconds}; answers how long it waited. */
    long settle(int seconds) throws InterruptedException {
        return meter.settle(seconds);
    }

    /**
     * A till's own pace: a scan every {@code pauseMillis} by its own clock, the checkout a pause after the third scan and the
     * next sale's first scan right after it (a sale every three pauses), without pauses a request right after the answer.
     * <p>
     * The pause used to start when the answer came: then a hiccup anywhere (a collection, a burst of compilation) released
     * every till waiting on it at once, they all slept the same second and came back together, and the burst queued behind
     * itself and re-formed every second for the rest of the run. A cashier's next scan does not wait for the other tills'
     * answers. A till whose answer comes after its next scan was due goes on from the answer, without catching up.
     */
    private static final class Pace {
        private final long pauseNanos;
        private long due;

        Pace(long pauseMillis, long offsetMillis) {
            this.pauseNanos = TimeUnit.MILLISECONDS.toNanos(pauseMillis);
            this.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(offsetMillis);
        }

        void await() throws InterruptedException {
            long now = System.nanoTime();
            if (due > now) {
                TimeUnit.NANOSECONDS.sleep(due - now);
            } else {
                due = now;
            }
        }

        void advance() {
            due += pauseNanos;
        }
    }
}
