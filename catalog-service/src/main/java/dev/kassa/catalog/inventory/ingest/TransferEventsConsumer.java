package dev.kassa.catalog.inventory.ingest;

import dev.kassa.catalog.catalogue.product.ProductCopyService;
import dev.kassa.catalog.inventory.transfer.TransferReceived;
import dev.kassa.catalog.inventory.transfer.TransferService;
import dev.kassa.catalog.inventory.transfer.TransferShipped;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What one of an owner's stores hands another (issue 64 point 6, issue 86 point 2), exactly once per event in the store
 * it concerns: {@code ProductsShared} (an event of the source) makes or updates the destination's copies of the products,
 * {@code TransferShipped} (an event of the source) makes the destination's copy of a transfer, both inside the
 * destination's transaction and inbox; {@code TransferReceived} (an event of the destination) records the receipt on the
 * source's copy, inside the source's. One listener for the three, so that a source's events are handled in the order
 * it sent them (its key's partition): the products a transfer's draft shared reach the destination before the goods. A
 * poll's stores are handled several at once (a chain sharing its catalogue with five stores fills them side by side),
 * each store's events in order. Never one transaction over the two stores, which may live in different databases.
 */
@Component
class TransferEventsConsumer {

    /** Catalog's events on the wire start with their envelope's type; only transfers and shares are read further. */
    private static final String TRANSFER = "\"type\":\"Transfer";

    private static final String SHARE = "\"type\":\"ProductsShared\"";

    private final Inbox inbox;
    private final EventHandlers handlers;
    private final int storesAtOnce;

    TransferEventsConsumer(
            Inbox inbox,
            TransferService transfers,
            ProductCopyService copies,
            @Value("${kassa.catalog.chain-stores-at-once:3}") int storesAtOnce) {
        this.inbox = inbox;
        this.storesAtOnce = storesAtOnce;
        this.handlers = copies.handling(new EventHandlers()
                .inStore(TransferShipped.class, TransferShipped::toStore, transfers::arrived)
                .inStore(TransferReceived.class, TransferReceived::fromStore, transfers::received));
    }

    @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}-transfers", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.handleAll(
                records,
                "catalog-transfers",
                handlers,
                storesAtOnce,
                message -> message.contains(TRANSFER) || message.contains(SHARE));
    }
}
