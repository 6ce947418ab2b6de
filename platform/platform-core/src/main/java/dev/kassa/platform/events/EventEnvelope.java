package dev.kassa.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** The envelope of every Kafka event (brief §5). Key = tenant_key, so events of one store stay ordered. */
public record EventEnvelope(
        @JsonProperty("event_id") UUID eventId,
        String type,
        @JsonProperty("tenant_key") String tenantKey,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("schema_version") int schemaVersion,
        JsonNode payload) {

    /**
     * The same event as handled in {@code store}: an event one store sends about another (a transfer's goods, a chain's
     * products) has its effect, its inbox record and its transaction in the store it concerns.
     */
    public EventEnvelope in(String store) {
        return new EventEnvelope(eventId, type, store, occurredAt, schemaVersion, payload);
    }
}
