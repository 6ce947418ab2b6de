package dev.kassa.platform.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventTypes;

import java.time.Instant;
import java.util.UUID;

/** Kafka messages as the outbox relay writes them: an envelope (brief §5) around a payload with snake_case fields. */
public final class TestEvents {
    private TestEvents() {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** A new event (fresh event id) for the store; its type comes from the record ({@link dev.kassa.platform.events.EventTypes}). */
    public static String message(String tenantKey, Object event) {
        return message(tenantKey, EventTypes.nameOf(event.getClass()), event);
    }

    /** A new event (fresh event id) of {@code type} for the store: for messages no producer sends (poison, unknown types). */
    public static String message(String tenantKey, String type, Object payload) {
        try {
            return JSON.writeValueAsString(
                    new EventEnvelope(UUID.randomUUID(), type, tenantKey, Instant.now(), 1, JSON.valueToTree(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
