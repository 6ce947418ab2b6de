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
        JsonNode payload) {}
