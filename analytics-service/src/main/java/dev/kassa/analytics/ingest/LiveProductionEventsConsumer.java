package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.analytics.live.LiveFeed;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Production's {@code LineStatusChanged} on the owner's live feed (event {@code line_status}, issue 87 point 9): every
 * instance reads production's events from the moment it starts (a consumer group of its own, from the latest offset),
 * as the sales feed does; only a watched store's is read any further. Nothing is stored.
 */
@Component
class LiveProductionEventsConsumer {

    /** The part of the LineStatusChanged contract the feed shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineStatus(long lineId, String code, String fromStatus, String toStatus, String reason, Instant changedAt) {}

    private static final String LINE_STATUS = "\"type\":\"LineStatusChanged\"";

    private final ObjectMapper json;
    private final LiveFeed feed;
    private final EventHandlers handlers;

    LiveProductionEventsConsumer(ObjectMapper json, LiveFeed feed) {
        this.json = json;
        this.feed = feed;
        this.handlers = new EventHandlers().on("LineStatusChanged", LineStatus.class, line -> {});
    }

    @KafkaListener(
            topics = Topics.PRODUCTION,
            groupId = "${spring.application.name}-live-production-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest"})
    void on(String message) throws Exception {
        if (!message.contains(LINE_STATUS)) {
            return;
        }
        EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
        if (!feed.watched(envelope.tenantKey())) {
            return;
        }
        if (handlers.read(envelope, json) instanceof LineStatus line) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("line_id", line.lineId());
            data.put("code", line.code());
            data.put("from_status", line.fromStatus());
            data.put("to_status", line.toStatus());
            data.put("reason", line.reason());
            data.put("at", line.changedAt() == null ? null : line.changedAt().toString());
            feed.publish(envelope.tenantKey(), "line_status", data);
        }
    }
}
