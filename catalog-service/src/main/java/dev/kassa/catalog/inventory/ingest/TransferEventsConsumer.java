package dev.kassa.catalog.inventory.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The hand-over of a transfer between two stores (issue 64 point 6), exactly once per event in the store it concerns:
 * {@code TransferShipped} (an event of the source) makes the destination's copy, inside the destination's transaction and
 * inbox; {@code TransferReceived} (an event of the destination) records the receipt on the source's copy, inside the
 * source's. Never one transaction over the two stores, which may live in different databases.
 */
@Component
class TransferEventsConsumer {

    /** Catalog's events on the wire start with their envelope's type; only transfers are read any further. */
    private static final String TRANSFER = "\"type\":\"Transfer";

    private static final String SHIPPED = EventTypes.nameOf(TransferShipped.class);
    private static final String RECEIVED = EventTypes.nameOf(TransferReceived.class);

    private final Inbox inbox;
    private final ObjectMapper json;
    private final TransferService transfers;

    TransferEventsConsumer(Inbox inbox, ObjectMapper json, TransferService transfers) {
        this.inbox = inbox;
        this.json = json;
        this.transfers = transfers;
    }

    @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}-transfers")
    void on(String message) {
        if (!message.contains(TRANSFER)) {
            return;
        }
        EventEnvelope envelope = inbox.read(message);
        if (SHIPPED.equals(envelope.type())) {
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
