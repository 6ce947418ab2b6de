package dev.kassa.catalog.inventory.ingest;

import dev.kassa.catalog.inventory.stock.ProductionHoldService;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * What production tells catalog (issue 87 point 5): an order cancelled or done releases the materials it still holds,
 * once per event, in the order's store.
 */
@Component
class ProductionEventsConsumer {

    /** The part of production's {@code ProductionOrderStatusChanged} this consumer reads. */
    record OrderMoved(long orderId, String toStatus) {}

    private static final Set<String> ENDED = Set.of("cancelled", "done");

    private final Inbox inbox;
    private final EventHandlers handlers;

    ProductionEventsConsumer(Inbox inbox, ProductionHoldService holds) {
        this.inbox = inbox;
        this.handlers = new EventHandlers().on("ProductionOrderStatusChanged", OrderMoved.class, moved -> {
            if (ENDED.contains(moved.toStatus())) {
                holds.releaseOrder(moved.orderId());
            }
        });
    }

    @KafkaListener(topics = Topics.PRODUCTION, groupId = "${spring.application.name}-production")
    void on(String message) {
        if (message.contains("\"type\":\"ProductionOrderStatusChanged\"")) {
            inbox.handle(message, "catalog-production", handlers);
        }
    }
}
