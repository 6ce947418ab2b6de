package dev.kassa.analytics.ingest;

import dev.kassa.analytics.webhook.WebhookService;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The events stores subscribe to, in a consumer group of their own (analytics' reports read the same topics in theirs).
 * One statement a poll finds which of its stores have webhooks; only their events are queued, each once (the inbox),
 * in the order the store's events came.
 */
@Component
class WebhookEventsConsumer {

    static final String CONSUMER = "analytics-webhooks";

    private final Inbox inbox;
    private final WebhookService webhooks;

    WebhookEventsConsumer(Inbox inbox, WebhookService webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
    }

    @KafkaListener(
            topics = {Topics.SALES, Topics.CATALOG, Topics.CUSTOMER, Topics.TASK},
            groupId = "${spring.application.name}-webhooks",
            batch = "true",
            properties = {Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(List<ConsumerRecord<String, String>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(inbox.read(records.get(i).value()));
            } catch (IllegalArgumentException e) {
                throw new BatchListenerFailedException("Not an event", e, i);
            }
        }
        Set<String> stores = webhooks.storesWithWebhooks(events.stream()
                .filter(e -> WebhookService.offered(e.type()))
                .map(EventEnvelope::tenantKey)
                .distinct()
                .toList());
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            if (stores.contains(event.tenantKey()) && WebhookService.offered(event.type())) {
                try {
                    inbox.process(event, CONSUMER, tenant -> webhooks.enqueue(event));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("Webhook deliveries of event " + event.eventId(), e, i);
                }
            }
        }
    }
}
