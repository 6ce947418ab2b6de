package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine-readable contract of Kassa's events: an AsyncAPI 3.0 document ({@code docs/asyncapi.json}, served by the
 * gateway at {@code /api-docs/events}), generated from the same golden samples as {@code docs/events.md}, so it cannot
 * drift from what producers emit and consumers read. One channel per Kafka topic, one message per event type (the
 * envelope with the event's payload schema, its fields' meanings and the sample as example), and a receive operation per
 * topic for a partner's consumer.
 */
public final class AsyncApiDocument {
    private AsyncApiDocument() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode render(Map<String, EventSamples.Sample> samples) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        Map<String, List<EventSamples.Sample>> byTopic = EventSamples.byTopic(samples);
        info(doc.putObject("info"), byTopic.keySet());
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode kafka = servers.putObject("kafka");
        kafka.put("host", "kafka:9092");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The operator's Kafka cluster (its address is given to each partner).");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Envelope", envelope());
        for (Map.Entry<String, List<EventSamples.Sample>> entry : byTopic.entrySet()) {
            String topic = entry.getKey();
            List<EventSamples.Sample> events = entry.getValue();
            String channelId = channelId(topic);
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            channel.put("description", "Kafka topic " + topic + ", keyed by the store's tenant key.");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode receive = operations.putObject("receive" + capitalized(channelId));
            receive.put("action", "receive");
            receive.put("summary", "A partner's consumer of " + topic + ".");
            receive.put(
                    "description",
                    "Reads " + topic + " from the operator's Kafka in order per store (the key is the tenant key); "
                            + "records each event_id it has handled, so a redelivery is handled once.");
            receive.putArray("tags").addObject().put("name", topic);
            receive.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode received = receive.putArray("messages");
            for (EventSamples.Sample s : events) {
                channelMessages.putObject(s.type()).put("$ref", "#/components/messages/" + s.type());
                received.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + s.type());
                messages.set(s.type(), message(s));
                schemas.set(s.type() + "Payload", payloadSchema(s));
            }
        }
        return doc;
    }

    /** What the events are and how they are delivered, the contact and terms, and a tag per topic. */
    private static void info(ObjectNode info, Set<String> topics) {
        info.put("title", "Kassa events");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Every change another service or an integrator may care about, published to Kafka through the producer's "
                        + "transactional outbox in the same transaction as the change: at least once, in order per store "
                        + "(the message key is the store's tenant key). Consumers ignore fields and event types they do not "
                        + "know; a field's meaning and kind are in each schema, the whole catalogue in docs/events.md.");
        info.putObject("contact").put("name", "Kassa");
        // no open-source licence: the contract is given to each partner with the operator's terms
        info.putObject("license").put("name", "Proprietary: the operator's partner terms");
        ArrayNode tags = info.putArray("tags");
        for (String topic : topics) {
            ObjectNode tag = tags.addObject();
            tag.put("name", topic);
            tag.put("description", "The events of " + topic + ".");
        }
    }

    /** The JSON text as committed in {@code docs/asyncapi.json}. */
    public static String text(Map<String, EventSamples.Sample> samples) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(render(samples)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode message(EventSamples.Sample s) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", s.type());
        message.put("title", s.type());
        message.put("summary", s.description());
        message.put(
                "description",
                "Producer: " + s.producer() + ". Consumers in Kassa: "
                        + (s.consumers().isEmpty() ? "none (for integrators)" : String.join(", ", s.consumers()))
                        + ". Schema version " + s.version() + ".");
        message.put("contentType", "application/json");
        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/Envelope");
        ObjectNode typed = allOf.addObject();
        typed.put("type", "object");
        ObjectNode properties = typed.putObject("properties");
        properties.putObject("type").put("const", s.type());
        properties.putObject("schema_version").put("const", s.version());
        properties.putObject("payload").put("$ref", "#/components/schemas/" + s.type() + "Payload");
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", s.type());
        example.put("summary", "The golden sample that producer and consumers are tested against.");
        ObjectNode body = example.putObject("payload");
        body.put("event_id", "3f1c9a52-7c1e-4e0b-9a57-1f2d3c4b5a69");
        body.put("type", s.type());
        body.put("tenant_key", "store_8f3a2c");
        body.put("occurred_at", "2026-11-22T10:12:31.600Z");
        body.put("schema_version", s.version());
        body.set("payload", s.payload().deepCopy());
        return message;
    }

    private static ObjectNode envelope() {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("type", "object");
        envelope.put("description", "Every Kassa event travels in this envelope.");
        ArrayNode required = envelope.putArray("required");
        ObjectNode properties = envelope.putObject("properties");
        for (EventEnvelope.Field f : EventEnvelope.FIELDS) {
            required.add(f.name());
            ObjectNode field = properties.putObject(f.name());
            field.put("type", f.type());
            if (f.format() != null) {
                field.put("format", f.format());
            }
            field.put("description", f.meaning());
        }
        return envelope;
    }

    /** The payload's schema from the sample: each field's kind from its example value, its meaning from the sample. */
    private static ObjectNode payloadSchema(EventSamples.Sample s) {
        ObjectNode schema = schemaOf(s.payload(), "", s.fields());
        schema.put("description", s.description());
        return schema;
    }

    private static ObjectNode schemaOf(JsonNode value, String path, Map<String, String> meanings) {
        ObjectNode schema = JSON.createObjectNode();
        String meaning = meanings.get(path);
        boolean nullable = meaning != null && meaning.contains("null");
        if (value.isObject()) {
            type(schema, "object", nullable);
            ObjectNode properties = schema.putObject("properties");
            value.fields()
                    .forEachRemaining(e -> properties.set(
                            e.getKey(),
                            schemaOf(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), meanings)));
        } else if (value.isArray()) {
            type(schema, "array", nullable);
            if (!value.isEmpty()) {
                schema.set("items", schemaOf(value.get(0), path + "[]", meanings));
            }
        } else if (value.isBoolean()) {
            type(schema, "boolean", nullable);
        } else if (value.isIntegralNumber()) {
            type(schema, "integer", nullable);
        } else if (value.isNumber()) {
            type(schema, "number", nullable);
        } else {
            type(schema, "string", nullable);
            String text = value.asText();
            if (text.matches("-?\\d+\\.\\d+")) {
                schema.put("format", "decimal");
            } else if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                schema.put("format", "date-time");
            } else if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                schema.put("format", "date");
            }
        }
        if (meaning != null) {
            schema.put("description", meaning);
        }
        return schema;
    }

    private static void type(ObjectNode schema, String type, boolean nullable) {
        if (nullable) {
            schema.putArray("type").add(type).add("null");
        } else {
            schema.put("type", type);
        }
    }

    /** {@code sales.events} → {@code salesEvents}: a channel's id in the document. */
    static String channelId(String topic) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : topic.toCharArray()) {
            if (c == '.' || c == '-' || c == '_') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
