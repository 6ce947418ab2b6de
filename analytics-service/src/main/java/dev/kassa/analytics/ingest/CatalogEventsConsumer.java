package dev.kassa.analytics.ingest;

import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.analytics.product.ProductRepository;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Catalog's events into analytics, exactly once each: the products it knows (names, prices, stock levels) and today's
 * inventory snapshot of a product whose stock or prices changed (today in the store's time zone).
 */
@Component
class CatalogEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    CatalogEventsConsumer(Inbox inbox, ProductRepository products, SnapshotRepository snapshots, StockLevels levels) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(CatalogEvents.ProductCreated.class, created -> {
                    products.save(created.product());
                    if (created.trackInventory() == null || created.trackInventory()) {
                        snapshots.productCreated(
                                created.product().productId(),
                                TenantContext.require().today());
                    }
                })
                .on("ProductUpdated", ProductRepository.Product.class, p -> {
                    products.save(p);
                    snapshots.productChanged(
                            p.productId(), TenantContext.require().today());
                })
                .on(CatalogEvents.ProductDeleted.class, p -> {
                    // its levels of this poll are valued while its prices are still known
                    levels.write();
                    products.delete(p.productId());
                })
                .on(
                        CatalogEvents.StockChanged.class,
                        s -> levels.changed(
                                s.productId(), TenantContext.require().today(), s.onHand(), s.available()));
    }

    /** A poll's events of one store in one transaction; its stock changes end in one snapshot write per product. */
    @KafkaListener(
            topics = Topics.CATALOG,
            batch = "true",
            properties = {Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handleAll(records, "analytics-catalog", handlers);
    }
}
