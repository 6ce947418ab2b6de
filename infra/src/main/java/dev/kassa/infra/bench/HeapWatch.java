package dev.kassa.infra.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A service's heap watched through its own Prometheus scrape (every 50 ms) while one call runs: how far its used heap
 * and its old generation (what outlived the young collections: what the service holds, not its garbage) rose above
 * where they were when the watch began.
 */
final class HeapWatch {

    /** Growth above the start, in MB: of the old generation, and of the whole heap's used bytes at their peak. */
    record Growth(long tenuredMegabytes, long usedMegabytes) {}

    private final Http service;
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final long usedAtStart;
    private final long tenuredAtStart;
    private volatile long usedPeak;
    private volatile long tenuredPeak;
    private final Thread sampler;

    private HeapWatch(int port) {
        this.service = new Http("http://127.0.0.1:" + port, null, null);
        long[] start = sample();
        usedAtStart = start[0];
        tenuredAtStart = start[1];
        usedPeak = start[0];
        tenuredPeak = start[1];
        sampler = Threads.daemon("heap-watch", () -> {
            while (watching.get()) {
                long[] now = sample();
                usedPeak = Math.max(usedPeak, now[0]);
                tenuredPeak = Math.max(tenuredPeak, now[1]);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static HeapWatch start(int port) {
        return new HeapWatch(port);
    }

    Growth stop() throws InterruptedException {
        watching.set(false);
        sampler.join();
        long[] end = sample();
        long tenured = Math.max(tenuredPeak, end[1]);
        long used = Math.max(usedPeak, end[0]);
        return new Growth((tenured - tenuredAtStart) >> 20, (used - usedAtStart) >> 20);
    }

    /** The heap's used bytes and its old generation's, from one scrape. */
    private long[] sample() {
        Http.Answer scrape = service.getText("/actuator/prometheus");
        long used = 0;
        long tenured = 0;
        for (String line : scrape.body().asText().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                long bytes = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                used += bytes;
                if (line.contains("Tenured") || line.contains("Old Gen")) {
                    tenured += bytes;
                }
            }
        }
        return new long[] {used, tenured};
    }
}
