package dev.kassa.infra.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.kassa.infra.bench.BenchContext.CLOCK;

/**
 * (b) Saturation: tills without pauses at 10, 25, 50 and 100, each level twice: once in a pass upwards and once in a pass
 * back down (10, 25, 50, 100, 100, 50, 25, 10), each figure from both runs together.
 * <p>
 * The suite's speed drifts over minutes by more than the load changes it: the JIT compilers still finishing, the checkpoints
 * of PostgreSQL. Measured once each, in rising order, the levels compared moments as much as loads: one run fell 74.0,
 * 72.8, 69.4, 61.2 sales/s from 10 to 100 tills, and in another, with the order 100, 10, 25, 50, 100, the same 100 tills
 * made 64.9 sales/s first and 75.3 last, with 64.9 at 10 tills between them (28 ms of CPU per sale at 10 tills as at 100).
 * With each level in both passes a steady drift weighs on every level alike; each row also shows its two runs.
 */
final class Saturation {

    private final TillLoad load;
    private final Results results;
    private final String part;
    private final TillLoad.Sale sale;
    private long completed;

    /** (b): the web till's sales, scanned line by line. */
    Saturation(BenchContext context, TillLoad load) {
        this(context, load, "(b)", TillLoad.Sale.SCANNED);
    }

    /** The same levels with {@code sale}, its rows labelled {@code part}. */
    Saturation(BenchContext context, TillLoad load, String part, TillLoad.Sale sale) {
        this.load = load;
        this.results = context.results();
        this.part = part;
        this.sale = sale;
    }

    /** Runs both passes of {@code step} seconds a level, adds their rows and answers the peak (sales a second). */
    double run(int step) throws InterruptedException {
        int[] levels = {10, 25, 50, 100};
        Map<Integer, LoadRun> up = new LinkedHashMap<>();
        Map<Integer, LoadRun> down = new LinkedHashMap<>();
        for (int i = 0; i < 2 * levels.length; i++) {
            boolean upward = i < levels.length;
            int count = levels[upward ? i : 2 * levels.length - 1 - i];
            System.out.printf(
                    "%s %d tills without pauses, %d s (%s pass, from %s) …%n",
                    part, count, step, upward ? "upward" : "downward", CLOCK.format(Instant.now()));
            LoadRun run = load.drive(count, 0, step, sale);
            run.printProgress(String.format("%s %d tills", part, count));
            (upward ? up : down).put(count, run);
        }
        double peak = 0;
        int peakTills = 0;
        LoadRun peakRun = null;
        double last = 0;
        for (int count : levels) {
            LoadRun run = up.get(count).plus(down.get(count));
            completed += run.completed();
            results.row(
                    String.format("%s %3d tills: sales/s (upward, downward), p99, errors", part, count),
                    String.format(
                            "%.1f/s (%.1f, %.1f), %.0f ms, %s",
                            run.salesPerSecond(),
                            up.get(count).salesPerSecond(),
                            down.get(count).salesPerSecond(),
                            run.p99(),
                            run.errors() == 0
                                    ? "0"
                                    : run.scans().errorSummary() + " scan / "
                                            + run.checkouts().errorSummary() + " checkout"),
                    run.errors() == 0);
            // more CPU per sale at more tills says overhead (threads,
            // collections), the same says waiting (locks, pools)
            results.row(
                    String.format("%s %3d tills: CPU per completed sale (reported)", part, count),
                    run.cpuPerSale(),
                    true);
            if (run.salesPerSecond() > peak) {
                peak = run.salesPerSecond();
                peakTills = count;
                peakRun = run;
            }
            last = run.salesPerSecond();
        }
        results.row(
                part + " 100 tills vs the peak (≥ 90 %, no collapse)",
                String.format("%.0f %% of %.1f/s (peak at %d tills)", 100 * last / peak, peak, peakTills),
                last >= 0.9 * peak);
        double cpuAtPeak = peakRun == null ? 0 : peakRun.cpuMillisPerSale();
        results.row(
                part + " CPU of the suite per completed sale at the peak (≤ 12 ms)",
                String.format("%.1f ms at %d tills", cpuAtPeak, peakTills),
                peakRun != null && cpuAtPeak <= 12);
        return peak;
    }

    /** The sales completed in every level of both passes. */
    long completed() {
        return completed;
    }
}
