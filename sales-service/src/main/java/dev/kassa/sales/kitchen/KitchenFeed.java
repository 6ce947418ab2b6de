package dev.kassa.sales.kitchen;

import dev.kassa.platform.web.LiveStreams;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;

/**
 * The kitchen screens open on this instance (the platform's {@link LiveStreams}): a channel per store and station, and
 * one per store for a screen of every station. What a screen gets comes from sales' own events, which every instance
 * reads ({@code ingest.KitchenEventsConsumer}).
 */
@Component
public class KitchenFeed {

    private static final String EVERY_STATION = "*";

    private final LiveStreams streams;

    KitchenFeed(TaskScheduler scheduler) {
        this.streams = new LiveStreams(scheduler);
    }

    SseEmitter open(String tenantKey, String station, Instant expiresAt) {
        return streams.open(channel(tenantKey, station == null ? EVERY_STATION : station), expiresAt);
    }

    /** Whether a screen of the store shows the station (or every station) on this instance. */
    public boolean watched(String tenantKey, String station) {
        return streams.watched(channel(tenantKey, station)) || streams.watched(channel(tenantKey, EVERY_STATION));
    }

    /** Shows an event on the station's screens and on the store's screens of every station. */
    public void publish(String tenantKey, String station, String name, Object data) {
        streams.publish(channel(tenantKey, station), name, data);
        streams.publish(channel(tenantKey, EVERY_STATION), name, data);
    }

    private static String channel(String tenantKey, String station) {
        return tenantKey + "/" + station;
    }
}
