package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.analytics.live.LiveFeed;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every instance reads all of sales' events from the moment it starts (a consumer group of its own, from the latest
 * offset), so a live stream sees every sale of its store whichever instance it is connected to. Nothing is stored.
 */
@Component
class LiveSalesEventsConsumer {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(String receiptNumber, BigDecimal total, long cashierId, Instant completedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleRefunded(String receiptNumber, BigDecimal amount, String method) {}

    private final ObjectMapper json;
    private final LiveFeed feed;
    private final EmployeeDirectory staff;

    LiveSalesEventsConsumer(ObjectMapper json, LiveFeed feed, EmployeeDirectory staff) {
        this.json = json;
        this.feed = feed;
        this.staff = staff;
    }

    @KafkaListener(
            topics = Topics.SALES,
            groupId = "${spring.application.name}-live-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest", Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(String message) throws Exception {
        EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
        if (!feed.watched(envelope.tenantKey())) {
            // every instance reads every store's sales: the few stores watched live cost the lookups, no other
            return;
        }
        new EventHandlers()
                .on(SaleCompleted.class, s -> {
                    Map<String, Object> data = data(s.receiptNumber(), s.total(), s.cashierId(), s.completedAt());
                    // the cashier's name from the store's employee directory (kept from auth's employee events)
                    data.put(
                            "cashier_name",
                            staff.byUser(envelope.tenantKey(), s.cashierId())
                                    .map(EmployeeDirectory.Employee::fullName)
                                    .orElse(null));
                    feed.publish(envelope.tenantKey(), "sale", data);
                })
                .on(SaleRefunded.class, r -> {
                    Map<String, Object> data = data(r.receiptNumber(), r.amount(), null, envelope.occurredAt());
                    data.put("method", r.method());
                    feed.publish(envelope.tenantKey(), "refund", data);
                })
                .dispatch(envelope, json);
    }

    private static Map<String, Object> data(String receipt, BigDecimal total, Long cashier, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receipt_number", receipt);
        data.put("total", total);
        data.put("cashier_id", cashier);
        data.put("at", at == null ? null : at.toString());
        return data;
    }
}
