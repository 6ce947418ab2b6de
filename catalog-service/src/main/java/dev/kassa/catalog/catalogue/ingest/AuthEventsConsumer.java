package dev.kassa.catalog.catalogue.ingest;

import dev.kassa.catalog.catalogue.product.ProductShareService;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A store opened with a copy of another's catalogue (issue 86 point 2, auth's {@code StoreCreated} naming
 * {@code copy_catalogue_from}): the source store shares every product of its own with the new one, inside the source's
 * transaction and inbox, once; the new store then makes them from the {@code ProductsShared} that follow. Never one
 * transaction over the two stores.
 */
@Component
class AuthEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    AuthEventsConsumer(Inbox inbox, ProductShareService sharing) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .inStore(
                        StoreCreated.class,
                        store -> TenantKeys.isValidKey(store.copyCatalogueFrom())
                                && TenantKeys.isValidKey(store.tenantKey()),
                        StoreCreated::copyCatalogueFrom,
                        store -> sharing.shareAll(store.tenantKey(), store.ownerUserId()));
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-catalogue-copies")
    void on(String message) {
        if (message.contains("copy_catalogue_from")) {
            inbox.handle(message, "catalog-catalogue-copies", handlers);
        }
    }
}
