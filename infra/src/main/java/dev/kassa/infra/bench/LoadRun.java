package dev.kassa.infra.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One load's results. {@code machine} is how busy the whole machine was and how much of it the load generator itself
 * took ({@link MachineTicks}): a machine not fully busy while tills wait says they wait on something other than CPU.
 */
record LoadRun(
        Latencies scans,
        Latencies checkouts,
        long completed,
        double seconds,
        Map<String, Long> cpuTicks,
        long compilerTicks,
        MachineTicks machine) {

    /**
     * Milliseconds of CPU the whole suite spent per completed sale (a clock tick is 10 ms), with the share of each
     * process and how much of it the JVMs' JIT compiler threads still took (start-up work, not work per sale).
     */
    String cpuPerSale() {
        Map<String, Long> each = new LinkedHashMap<>();
        cpuTicks.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> each.put(
                        e.getKey().replace("-service", ""), Math.round(10.0 * e.getValue() / Math.max(1, completed))));
        return String.format(
                "%.0f ms, of which JIT compilers %.0f ms %s; machine busy %.0f %%, the load generator %.0f %% of it",
                cpuMillisPerSale(),
                10.0 * compilerTicks / Math.max(1, completed),
                each,
                100.0 * machine.busy() / Math.max(1, machine.total()),
                100.0 * machine.generator() / Math.max(1, machine.total()));
    }

    /** Milliseconds of CPU the whole suite spent per completed sale. */
    double cpuMillisPerSale() {
        return 10.0 * totalTicks() / Math.max(1, completed);
    }

    long totalTicks() {
        return cpuTicks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The JIT compiler threads' share of the suite's CPU time in this run. */
    double compilerShare() {
        return (double) compilerTicks / Math.max(1, totalTicks());
    }

    /** This run and {@code other} (the same load at another time) as one. */
    LoadRun plus(LoadRun other) {
        Map<String, Long> cpu = new LinkedHashMap<>(cpuTicks);
        other.cpuTicks.forEach((name, ticks) -> cpu.merge(name, ticks, Long::sum));
        return new LoadRun(
                scans.plus(other.scans),
                checkouts.plus(other.checkouts),
                completed + other.completed,
                seconds + other.seconds,
                cpu,
                compilerTicks + other.compilerTicks,
                machine.plus(other.machine));
    }

    double salesPerSecond() {
        return completed / seconds;
    }

    /** The slower p99 of scans and checkouts; a load without scans (sales sent whole) has only its checkouts'. */
    double p99() {
        double scan = scans.percentile(99);
        double checkout = checkouts.percentile(99);
        return Double.isNaN(scan) ? checkout : Double.isNaN(checkout) ? scan : Math.max(scan, checkout);
    }

    long errors() {
        return scans.errors.get() + checkouts.errors.get();
    }

    /** Prints a progress line (a warm-up round, a load step): how the compilers' share and the till's speed settle. */
    void printProgress(String label) {
        System.out.printf(
                "    %s: %.1f sales/s, p99 %.0f ms, JIT compilers %.0f %% of the CPU, %s%n",
                label, salesPerSecond(), p99(), 100 * compilerShare(), cpuPerSale());
    }
}
