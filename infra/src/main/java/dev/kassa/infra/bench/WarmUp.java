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

    void run() throws InterruptedException {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_WARMUP_SECONDS", "90"));
        int most = Math.max(
                seconds, Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_WARMUP_MAX_SECONDS", "900")));
        System.out.printf(
                "Warming up for %d s or more, until the JIT compilers are quiet (at most %d s) …%n", seconds, most);
        LoadRun round = load.drive(50, 0, seconds);
        int spent = seconds;
        round.printProgress("warm-up until " + spent + " s");
        while (round.compilerShare() >= 0.05 && spent + 30 <= most) {
            context.freshTokens();
            round = load.drive(50, 0, 30);
            spent += 30;
            round.printProgress("warm-up until " + spent + " s");
        }
        results.row(
                "warm-up at 50 tills: length, JIT compilers' share of the CPU in its last round (reported)",
                String.format("%d s, %.0f %%", spent, 100 * round.compilerShare()),
                true);
    }
}
