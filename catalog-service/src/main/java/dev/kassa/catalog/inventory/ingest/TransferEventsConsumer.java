package dev.kassa.catalog.inventory.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.catalogue.product.ProductCopyService;
import dev.kassa.catalog.inventory.transfer.TransferReceived;
import dev.kassa.catalog.inventory.transfer.TransferService;
import dev.kassa.catalog.inventory.transfer.TransferShipped;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventTypes;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What one of an owner's stores hands another (issue 64 point 6, issue 86 point 2), exactly once per event in the store
 * it concerns: {@code ProductsShared} (an event of the source) makes or updates the destination's copies of the products,
 * {@code TransferShipped} (an event of the source) makes the destination's copy of a transfer, both inside the
 * destination's transaction and inbox; {@code TransferReceived} (an event of the destination) records the receipt on the
 * source's copy, inside the source's. One listener for the three, so that a source's events are handled in the order
 * it sent them (its key's partition): the products a transfer's draft shared reach the destination before the goods.
 * Never one transaction over the two stores, which may live in different databases.
 */
@Component
class TransferEventsConsumer {

    /** Catalog's events on the wire start with their envelope's type; only transfers and shares are read further. */
    private static final String TRANSFER = "\"type\":\"Transfer";

    private static final String SHARED = "ProductsShared";

    private static final String SHARE = "\"type\":\"" + SHARED + "\"";

    private static final String SHIPPED = EventTypes.nameOf(TransferShipped.class);
    private static final String RECEIVED = EventTypes.nameOf(TransferReceived.class);

    private final Inbox inbox;
    private final ObjectMapper json;
    private final TransferService transfers;
    private final ProductCopyService copies;

    TransferEventsConsumer(Inbox inbox, ObjectMapper json, TransferService transfers, ProductCopyService copies) {
        this.inbox = inbox;
        this.json = json;
        this.transfers = transfers;
        this.copies = copies;
    }

    @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}-transfers")
    void on(String message) {
        if (!message.contains(TRANSFER) && !message.contains(SHARE)) {
            return;
        }
        EventEnvelope envelope = inbox.read(message);
        if (SHARED.equals(envelope.type())) {
            String store = envelope.payload().path("to_store").asText();
            inbox.process(in(envelope, store), "catalog-chain", t -> copies.arrived(envelope.payload()));
        } else if (SHIPPED.equals(envelope.type())) {
            TransferShipped shipped = payload(envelope, TransferShipped.class);
            inbox.process(in(envelope, shipped.toStore()), "catalog-transfers", t -> transfers.arrived(shipped));
        } else if (RECEIVED.equals(envelope.type())) {
            TransferReceived received = payload(envelope, TransferReceived.class);
            inbox.process(in(envelope, received.fromStore()), "catalog-transfers", t -> transfers.received(received));
        }
    }

    /** The event handled in {@code store}: its inbox record and its effect in that store's transaction. */
    private static EventEnvelope in(EventEnvelope envelope, String store) {
        return new EventEnvelope(
                envelope.eventId(),
                envelope.type(),
                store,
                envelope.occurredAt(),
                envelope.schemaVersion(),
                envelope.payload());
    }

    private <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return json.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Payload of " + envelope.type() + " " + envelope.eventId() + " does not match "
                            + type.getSimpleName(),
                    e);
        }
    }
}
