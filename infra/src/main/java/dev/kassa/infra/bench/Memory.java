package dev.kassa.infra.bench;

import dev.kassa.infra.ProcessMeter;

import java.util.Map;

/** (h) The suite's resident memory, per process and in all (≤ 3072 MB), once it is ready and again after the load. */
final class Memory {

    private final ProcessMeter meter;
    private final Results results;

    Memory(BenchContext context) {
        this.meter = context.suite().meter();
        this.results = context.results();
    }

    /** The row of the memory measured when the suite was ready. */
    void atReady(Map<String, Long> residentMegabytes) {
        row("resident memory at ready, whole suite (≤ 3072 MB)", residentMegabytes);
    }

    /** Measures the memory now, after the load. */
    void afterLoad() {
        row("(h) resident memory after the load (≤ 3072 MB)", meter.residentMegabytesByProcess());
    }

    private void row(String what, Map<String, Long> residentMegabytes) {
        long total =
                residentMegabytes.values().stream().mapToLong(Long::longValue).sum();
        results.row(what, total + " MB " + residentMegabytes, total <= 3072);
    }
}
