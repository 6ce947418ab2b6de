package dev.kassa.infra.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of one kind of call (microseconds) and its errors by status, gathered from many threads. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;
    final AtomicLong errors = new AtomicLong();
    final Map<Integer, AtomicLong> errorsByStatus = new ConcurrentHashMap<>();

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos / 1000;
    }

    void record(Http.Answer answer) {
        if (answer.ok()) {
            add(answer.nanos());
        } else {
            errors.incrementAndGet();
            errorsByStatus
                    .computeIfAbsent(answer.status(), s -> new AtomicLong())
                    .incrementAndGet();
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile in milliseconds (nearest rank), NaN without values. */
    synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1000.0;
    }

    /** These latencies and {@code other}'s together, errors included. */
    Latencies plus(Latencies other) {
        Latencies all = new Latencies();
        for (Latencies one : List.of(this, other)) {
            synchronized (one) {
                for (int i = 0; i < one.size; i++) {
                    all.add(one.values[i] * 1000);
                }
            }
            all.errors.addAndGet(one.errors.get());
            one.errorsByStatus.forEach((status, n) -> all.errorsByStatus
                    .computeIfAbsent(status, k -> new AtomicLong())
                    .addAndGet(n.get()));
        }
        return all;
    }

    String errorSummary() {
        return errors.get() == 0 ? "0" : errors.get() + " " + errorsByStatus;
    }
}
