package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.analytics.live.LiveFeed;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Catalog's {@code StockLow} on the owner's live feed (event {@code stock_low}): every instance reads catalog's events
 * from the moment it starts (a consumer group of its own, from the latest offset), as the sales feed does; only a
 * {@code StockLow} of a watched store is read any further. Nothing is stored.
 */
@Component
class LiveStockEventsConsumer {

    /** The part of the StockLow contract the feed shows. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockLow(
            long productId,
            String name,
            String sku,
            BigDecimal stock,
            BigDecimal onOrder,
            BigDecimal reorderPoint,
            BigDecimal suggestedQuantity,
            String supplierName) {}

    private static final String STOCK_LOW = "\"type\":\"StockLow\"";

    private final ObjectMapper json;
    private final LiveFeed feed;
    private final EventHandlers handlers;

    LiveStockEventsConsumer(ObjectMapper json, LiveFeed feed) {
        this.json = json;
        this.feed = feed;
        this.handlers = new EventHandlers().on(StockLow.class, low -> {});
    }

    @KafkaListener(
            topics = Topics.CATALOG,
            groupId = "${spring.application.name}-live-stock-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest", Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(String message) throws Exception {
        if (!message.contains(STOCK_LOW)) {
            return;
        }
        EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
        if (!feed.watched(envelope.tenantKey())) {
            return;
        }
        if (handlers.read(envelope, json) instanceof StockLow low) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("product_id", low.productId());
            data.put("name", low.name());
            data.put("sku", low.sku());
            data.put("stock", low.stock());
            data.put("on_order", low.onOrder());
            data.put("reorder_point", low.reorderPoint());
            data.put("suggested_quantity", low.suggestedQuantity());
            data.put("supplier_name", low.supplierName());
            data.put(
                    "at",
                    envelope.occurredAt() == null ? null : envelope.occurredAt().toString());
            feed.publish(envelope.tenantKey(), "stock_low", data);
        }
    }
}
