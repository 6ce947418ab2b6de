package dev.kassa.infra.bench;

/**
 * The warm-up before the measurements: 50 tills without pauses until the JIT compilers are quiet (reported, not judged).
 * <p>
 * Seven JVMs share two cores: each needs minutes of C2 compilation of its hot paths before it runs at its
 * steady-state speed (jstat -compiler showed 170–300 s of compile time per service after a 20 s warm-up; flight
 * recordings of (a) after a fixed 90 s warm-up still showed the compiler threads taking a fifth to a third of each
 * service's CPU). So the warm-up lasts at least {@code KASSA_BENCH_WARMUP_SECONDS} and then goes on in 30 s rounds
 * until the compilers take under 5 % of the suite's CPU, for at most {@code KASSA_BENCH_WARMUP_MAX_SECONDS} (900); the row
 * says how long it took and what the compilers still took in its last round, and each round prints a progress line.
 * The cap was 360 s: the compilers still took 11–13 % of the CPU then, and (a) measured a suite not yet at its
 * steady-state speed. Rounds of 30 s printed by one run (before this cap was raised): the till's speed at 50 tills rose
 * from 16.5 sales/s at 90 s to 43.7 at 360 s and 57.0 at 600 s, when the compilers' share fell under 5 % (CPU per
 * sale 113 → 44 → 33 ms); (a) after it: scan p99 90 ms, checkout p99 72 ms, against 140 and 119 ms after 360 s.
 */
final class WarmUp {

    private final BenchContext context;
    private final TillLoad load;
    private final Results results;

    WarmUp(BenchContext context, TillLoad load) {
        this.context = context;
        this.load = load;
        this.results = context.results();
    }

    /** The warm-up before everything: the web till's sales (three scans and a checkout). */
    void run() throws InterruptedException {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_WARMUP_SECONDS", "90"));
        System.out.printf(
                "Warming up for %d s or more, until the JIT compilers are quiet (at most %d s) …%n",
                seconds, most(seconds));
        run(TillLoad.Sale.SCANNED, seconds, "warm-up at 50 tills");
    }

    /**
     * The warm-up before (k): sales sent whole run code the web till's sales never ran (the one-call sale in sales, the
     * lines' hold in catalog), which the JIT compilers would otherwise compile during (k)'s first levels and count in their
     * CPU per sale. At least 30 s, then 30 s rounds as {@link #run()}, at most as long as it.
     */
    void runSentWhole() throws InterruptedException {
        System.out.println("Warming up the sales sent whole, until the JIT compilers are quiet …");
        run(TillLoad.Sale.SENT_WHOLE, 30, "(k) warm-up at 50 tills");
    }

    private static int most(int seconds) {
        return Math.max(
                seconds, Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_WARMUP_MAX_SECONDS", "900")));
    }

    private void run(TillLoad.Sale sale, int seconds, String label) throws InterruptedException {
        int most = most(seconds);
        LoadRun round = load.drive(50, 0, seconds, sale);
        int spent = seconds;
        round.printProgress(label + " until " + spent + " s");
        while (round.compilerShare() >= 0.05 && spent + 30 <= most) {
            context.freshTokens();
            round = load.drive(50, 0, 30, sale);
            spent += 30;
            round.printProgress(label + " until " + spent + " s");
        }
        results.row(
                label + ": length, JIT compilers' share of the CPU in its last round (reported)",
                String.format("%d s, %.0f %%", spent, 100 * round.compilerShare()),
                true);
    }
}
