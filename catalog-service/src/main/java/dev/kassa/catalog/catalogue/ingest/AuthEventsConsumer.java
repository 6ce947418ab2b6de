package dev.kassa.catalog.catalogue.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.catalogue.product.ProductShareService;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventTypes;
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

    private static final String CREATED = EventTypes.nameOf(StoreCreated.class);

    private final Inbox inbox;
    private final ObjectMapper json;
    private final ProductShareService sharing;

    AuthEventsConsumer(Inbox inbox, ObjectMapper json, ProductShareService sharing) {
        this.inbox = inbox;
        this.json = json;
        this.sharing = sharing;
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-catalogue-copies")
    void on(String message) {
        if (!message.contains("copy_catalogue_from")) {
            return;
        }
        EventEnvelope envelope = inbox.read(message);
        if (!CREATED.equals(envelope.type())) {
            return;
        }
        StoreCreated store = payload(envelope);
        String from = store.copyCatalogueFrom();
        if (from == null || !TenantKeys.isValidKey(from) || !TenantKeys.isValidKey(store.tenantKey())) {
            return;
        }
        EventEnvelope atSource = new EventEnvelope(
                envelope.eventId(),
                envelope.type(),
                from,
                envelope.occurredAt(),
                envelope.schemaVersion(),
                envelope.payload());
        inbox.process(
                atSource, "catalog-catalogue-copies", t -> sharing.shareAll(store.tenantKey(), store.ownerUserId()));
    }

    private StoreCreated payload(EventEnvelope envelope) {
        try {
            return json.treeToValue(envelope.payload(), StoreCreated.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Payload of " + envelope.type() + " " + envelope.eventId() + " does not match StoreCreated", e);
        }
    }
}
