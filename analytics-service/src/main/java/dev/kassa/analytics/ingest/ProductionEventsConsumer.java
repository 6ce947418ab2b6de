package dev.kassa.analytics.ingest;

import dev.kassa.analytics.production.ProductionRepository;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Production's events into the plant's dashboard, exactly once each: lines' status, orders, the activities list. */
@Component
class ProductionEventsConsumer {

    private final Inbox inbox;
    private final ProductionRepository plant;

    ProductionEventsConsumer(Inbox inbox, ProductionRepository plant) {
        this.inbox = inbox;
        this.plant = plant;
    }

    @KafkaListener(topics = Topics.PRODUCTION, groupId = "${spring.application.name}-production")
    void on(String message) {
        EventEnvelope envelope = inbox.read(message);
        EventHandlers handlers = new EventHandlers()
                .on(ProductionEvents.LineStatusChanged.class, l -> {
                    plant.line(l.lineId(), l.code(), l.toStatus(), l.reason(), l.changedAt());
                    plant.activity(
                            l.changedAt(),
                            "line_status",
                            l.code(),
                            l.fromStatus() + " → " + l.toStatus() + (l.reason() == null ? "" : ": " + l.reason()));
                })
                .on(ProductionEvents.ProductionOrderCreated.class, o -> {
                    plant.order(
                            o.orderId(),
                            o.number(),
                            o.productId(),
                            o.productName(),
                            o.quantity(),
                            o.dueDate(),
                            o.priority(),
                            "new",
                            envelope.occurredAt());
                    plant.activity(
                            envelope.occurredAt(),
                            "order_created",
                            o.number(),
                            o.productName() + " × "
                                    + o.quantity().stripTrailingZeros().toPlainString());
                })
                .on(ProductionEvents.ProductionOrderStatusChanged.class, o -> {
                    plant.order(
                            o.orderId(),
                            o.number(),
                            o.productId(),
                            null,
                            null,
                            null,
                            null,
                            o.toStatus(),
                            o.changedAt());
                    plant.activity(
                            o.changedAt(),
                            "order_status",
                            o.number(),
                            o.fromStatus() + " → " + o.toStatus() + (o.note() == null ? "" : ": " + o.note()));
                });
        inbox.handle(message, "analytics-production", handlers);
    }
}
