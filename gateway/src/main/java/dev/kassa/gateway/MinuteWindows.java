package dev.kassa.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls per key in the current minute, in this gateway instance's memory: the fixed window both rate limits count in
 * ({@link PublicRateLimit} per client address, {@link AppRateLimit} per app). With several gateway instances each counts
 * its own calls, so a key gets up to the limit from each.
 */
final class MinuteWindows {

    private record Window(long minute, AtomicInteger count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    MinuteWindows(Clock clock) {
        this.clock = clock;
    }

    /** Counts a call of {@code key}: 0 while it is within {@code limit} this minute, else the seconds until the next. */
    long count(String key, int limit) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(
                key, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
        }
        return window.count().incrementAndGet() > limit ? Math.max(1, ((minute + 1) * 60_000 - now) / 1000) : 0;
    }
}
