package dev.kassa.analytics.ingest;

import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.analytics.product.Products;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Catalog's events into analytics, exactly once each: the products it knows (names, prices, stock levels) and today's
 * inventory snapshot of a product whose stock or prices changed (today in the store's time zone).
 */
@Component
class CatalogEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    CatalogEventsConsumer(Inbox inbox, Products products, SnapshotRepository snapshots) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(CatalogEvents.ProductCreated.class, p -> {
                    products.save(new Products.Product(p.productId(), p.name(), p.sku(), p.barcode(), p.salePrice(), p.costPrice(),
                            p.minQuantity(), p.maxQuantity(), p.isActive() == null || p.isActive()));
                    snapshots.productChanged(p.productId(), TenantContext.require().today());
                })
                .on(CatalogEvents.ProductUpdated.class, p -> {
                    products.save(new Products.Product(p.productId(), p.name(), p.sku(), p.barcode(), p.salePrice(), p.costPrice(),
                            p.minQuantity(), p.maxQuantity(), p.isActive() == null || p.isActive()));
                    snapshots.productChanged(p.productId(), TenantContext.require().today());
                })
                .on(CatalogEvents.ProductDeleted.class, p -> products.delete(p.productId()))
                .on(CatalogEvents.StockChanged.class, s -> snapshots.stockChanged(s.productId(), TenantContext.require().today(), s.onHand(),
                        s.available()));
    }

    @KafkaListener(topics = Topics.CATALOG)
    void on(String message) {
        inbox.handle(message, "analytics-catalog", handlers);
    }
}
