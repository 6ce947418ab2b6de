package dev.kassa.platform.test;

import java.util.List;

/** The envelope every event travels in, as the event catalogue's table and the AsyncAPI contract describe it. */
public final class EventEnvelope {

    private EventEnvelope() {}

    /** A field of the envelope every event travels in: its name, its kind for a reader, its JSON type and format. */
    public record Field(String name, String kind, String type, String format, String meaning) {}

    /** The envelope's fields, as the catalogue's table and the AsyncAPI contract describe them. */
    public static final List<Field> FIELDS = List.of(
            new Field(
                    "event_id",
                    "UUID",
                    "string",
                    "uuid",
                    "unique per event; a consumer that records it handles a redelivered event once"),
            new Field("type", "string", "string", null, "the event type"),
            new Field(
                    "tenant_key",
                    "string",
                    "string",
                    null,
                    "the store; also the Kafka message key, so one store's events stay in order"),
            new Field(
                    "occurred_at", "timestamp (UTC, ISO-8601)", "string", "date-time", "when the change was committed"),
            new Field(
                    "schema_version",
                    "integer",
                    "integer",
                    null,
                    "the payload's version; raised only on an incompatible change"),
            new Field(
                    "payload",
                    "object",
                    "object",
                    null,
                    "the event's fields (snake_case; money and quantities as decimal strings)"));
}
