package dev.kassa.sales.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Topics;
import dev.kassa.sales.kitchen.KitchenFeed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kitchen screens' feed: every instance reads all of sales' own events from the moment it starts (a consumer group of
 * its own, from the latest offset), so a screen sees each new ticket and each move of one whichever instance took the
 * order and whichever it is connected to. Only the envelopes of the two kitchen events are read further; nothing is
 * stored.
 */
@Component
class KitchenEventsConsumer {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KitchenTicketChanged(
            long ticketId, long orderId, int round, String station, String status, String table, Instant changedAt) {}

    private final ObjectMapper json;
    private final KitchenFeed feed;

    KitchenEventsConsumer(ObjectMapper json, KitchenFeed feed) {
        this.json = json;
        this.feed = feed;
    }

    @KafkaListener(
            topics = Topics.SALES,
            groupId = "${spring.application.name}-kitchen-#{T(java.util.UUID).randomUUID()}",
            // a screen waits for each ticket: every fetch answers as soon as one event is there (the busy topics'
            // batching,
            // Topics.BUSY_*, held a ticket up to 250 ms: (q)'s ticket-to-screen p99 was 1054 ms with it)
            properties = {"auto.offset.reset=latest", "fetch.min.bytes=1", "fetch.max.wait.ms=100"})
    void on(String message) throws Exception {
        if (!message.contains("\"type\":\"OrderSentToKitchen\"")
                && !message.contains("\"type\":\"KitchenTicketChanged\"")) {
            // the till's events are most of the topic: read no further than the envelope's type
            return;
        }
        EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
        String store = envelope.tenantKey();
        new EventHandlers()
                .on("OrderSentToKitchen", KitchenFeed.Round.class, sent -> feed.sent(store, sent))
                .on(KitchenTicketChanged.class, c -> {
                    if (feed.watched(store, c.station())) {
                        Map<String, Object> change = new LinkedHashMap<>();
                        change.put("id", c.ticketId());
                        change.put("order", c.orderId());
                        change.put("round", c.round());
                        change.put("station", c.station());
                        change.put("status", c.status());
                        change.put("table_name", c.table());
                        change.put("at", c.changedAt().toString());
                        feed.publish(store, c.station(), "ticket_changed", change);
                    }
                })
                .dispatch(envelope, json);
    }
}
