package dev.kassa.analytics.live;

import dev.kassa.platform.web.LiveStreams;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.Map;

/**
 * The open live streams of each store on this instance (the platform's {@link LiveStreams}, a channel per store): every
 * sale and refund of the store as a {@code sale} or {@code refund} event, products under their reorder point as
 * {@code stock_low}.
 */
@Component
public class LiveFeed {

    private final LiveStreams streams;

    LiveFeed(TaskScheduler scheduler) {
        this.streams = new LiveStreams(scheduler);
    }

    SseEmitter open(String tenantKey, Instant expiresAt) {
        return streams.open(tenantKey, expiresAt);
    }

    /** Sends an event to every stream of the store on this instance. */
    public void publish(String tenantKey, String name, Map<String, Object> data) {
        streams.publish(tenantKey, name, data);
    }

    /** Whether the store has a stream open on this instance (nothing to look up for one that has none). */
    public boolean watched(String tenantKey) {
        return streams.watched(tenantKey);
    }

    int open() {
        return streams.open();
    }
}
