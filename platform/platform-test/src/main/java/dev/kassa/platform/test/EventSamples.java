package dev.kassa.platform.test;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventTypes;
import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The golden sample of every event type, kept in one place ({@code kassa/events/<Type>.json} in platform-test): its topic,
 * key, schema version, producer, consumers, the meaning of every field and an example payload. A producer's test checks
 * that what the producer really emits has exactly the sample's shape ({@link Sample#assertEmitted}); a consumer's test
 * feeds the consumer the same sample ({@link Sample#message}), so a consumer that breaks on a producer's change fails the
 * build. {@code docs/events.md} is generated from these files ({@link EventCatalogue}).
 */
public final class EventSamples {
    private EventSamples() {}

    static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** The sample of an event type by its wire name. */
    public static Sample of(String type) {
        try (InputStream in = EventSamples.class.getResourceAsStream("/kassa/events/" + type + ".json")) {
            if (in == null) {
                throw new AssertionError(
                        "No golden sample for event " + type + ": add kassa/events/" + type + ".json to platform-test");
            }
            return new Sample(type, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample of the event a class (a producer's contract or a consumer's view) stands for. */
    public static Sample of(Class<?> event) {
        return of(EventTypes.nameOf(event));
    }

    /** Every sample, by type name. */
    public static Map<String, Sample> all() {
        try {
            Map<String, Sample> all = new TreeMap<>();
            for (Resource r :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:kassa/events/*.json")) {
                String name = r.getFilename().substring(0, r.getFilename().length() - ".json".length());
                try (InputStream in = r.getInputStream()) {
                    all.put(name, new Sample(name, JSON.readTree(in)));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The samples by topic, in the order of {@link Topics#ALL}; a topic without events is left out. */
    public static Map<String, List<Sample>> byTopic(Map<String, Sample> samples) {
        Map<String, List<Sample>> byTopic = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            List<Sample> events = samples.values().stream()
                    .filter(s -> s.topic().equals(topic))
                    .toList();
            if (!events.isEmpty()) {
                byTopic.put(topic, events);
            }
        }
        return byTopic;
    }

    /**
     * Waits (30 s at most) for the producer's real {@code contract} event keyed {@code tenantKey} on the broker and checks it
     * against the golden sample: the record's topic, name and version, and the emitted payload's exact shape.
     */
    public static JsonNode awaitEmitted(Class<?> contract, String tenantKey) {
        Sample sample = of(contract);
        sample.assertContract(contract);
        JsonNode event = TestKafka.awaitEvent(sample.topic(), tenantKey, sample.type());
        sample.assertEmitted(event);
        return event;
    }

    /**
     * That every event contract ({@link KassaEvent} record) under {@code basePackage} is among {@code checked}: a new event
     * without a golden sample and a producer test fails the build.
     */
    public static void assertAllContractsChecked(String basePackage, Collection<Class<?>> checked) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(KassaEvent.class));
        Set<String> found = new TreeSet<>();
        scanner.findCandidateComponents(basePackage).forEach(d -> found.add(d.getBeanClassName()));
        Set<String> tested = new TreeSet<>();
        checked.forEach(c -> tested.add(c.getName()));
        if (!tested.containsAll(found)) {
            found.removeAll(tested);
            throw new AssertionError("Events published without a contract test: " + found);
        }
    }

    /** One event type's sample. */
    public static final class Sample {
        private final String type;
        private final JsonNode file;

        Sample(String type, JsonNode file) {
            this.type = type;
            this.file = file;
        }

        public String type() {
            return type;
        }

        public String topic() {
            return file.path("topic").asText();
        }

        public int version() {
            return file.path("schema_version").asInt();
        }

        public String producer() {
            return file.path("producer").asText();
        }

        public List<String> consumers() {
            List<String> consumers = new ArrayList<>();
            file.path("consumers").forEach(c -> consumers.add(c.asText()));
            return consumers;
        }

        public String description() {
            return file.path("description").asText();
        }

        /** The meaning of each field, by path ({@code lines[].product_id}). */
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            file.path("fields")
                    .fields()
                    .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
            return fields;
        }

        /** A fresh copy of the example payload. */
        public ObjectNode payload() {
            return file.path("payload").deepCopy();
        }

        /**
         * The example as a Kafka message (a new event id) for the store, after {@code edits}; an edit may only set a field the
         * sample has, so a consumer test cannot quietly invent a field the producer does not send.
         */
        public String message(String tenantKey, Consumer<Edits> edits) {
            ObjectNode payload = payload();
            edits.accept(new Edits(type, payload));
            try {
                return JSON.writeValueAsString(
                        new EventEnvelope(UUID.randomUUID(), type, tenantKey, Instant.now(), version(), payload));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** That the contract record of a producer names this sample's type, topic and version. */
        public void assertContract(Class<?> record) {
            KassaEvent contract = EventTypes.contractOf(record);
            check(
                    EventTypes.nameOf(record).equals(type),
                    "the record " + record.getSimpleName() + " is not the event " + type);
            check(
                    contract.topic().equals(topic()),
                    type + " is published on " + contract.topic() + " but its sample says " + topic());
            check(
                    contract.version() == version(),
                    type + " is version " + contract.version() + " but its sample says " + version());
        }

        /** That the consumer is listed among the event's consumers in the sample (and so in the catalogue). */
        public void assertConsumedBy(String service) {
            check(
                    consumers().contains(service),
                    service + " reads " + type + " but its sample does not list it among the consumers");
        }

        /**
         * That an event a producer really emitted (its envelope, as read from the broker) has the sample's type, version
         * and exactly its shape: the same fields, each with the same kind of value (string, number, boolean, object, array);
         * a field may be null where the producer has no value.
         */
        public void assertEmitted(JsonNode envelope) {
            check(
                    type.equals(envelope.path("type").asText()),
                    "expected a " + type + " but got " + envelope.path("type").asText());
            check(
                    envelope.path("schema_version").asInt() == version(),
                    type + " was emitted as version " + envelope.path("schema_version"));
            List<String> problems = new ArrayList<>();
            compare("", file.path("payload"), envelope.path("payload"), problems);
            check(problems.isEmpty(), type + " as emitted differs from its golden sample: " + problems);
        }

        private static void compare(String path, JsonNode sample, JsonNode actual, List<String> problems) {
            if (actual.isNull() && !sample.isContainerNode()) {
                return;
            }
            if (sample.getNodeType() != actual.getNodeType()) {
                problems.add((path.isEmpty() ? "payload" : path) + " is " + actual.getNodeType() + ", sample has "
                        + sample.getNodeType());
                return;
            }
            if (sample.isObject()) {
                for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!actual.has(f)) {
                        problems.add(join(path, f) + " is missing");
                    } else {
                        compare(join(path, f), sample.get(f), actual.get(f), problems);
                    }
                }
                for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!sample.has(f)) {
                        problems.add(join(path, f) + " is not in the sample");
                    }
                }
            } else if (sample.isArray() && !sample.isEmpty()) {
                for (JsonNode element : actual) {
                    compare(path + "[]", sample.get(0), element, problems);
                }
            }
        }

        /** Every field path of the example payload ({@code lines[].product_id}), in order. */
        public List<String> paths() {
            List<String> paths = new ArrayList<>();
            collect("", file.path("payload"), paths);
            return paths;
        }

        private static void collect(String path, JsonNode node, List<String> paths) {
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> {
                    paths.add(join(path, e.getKey()));
                    collect(join(path, e.getKey()), e.getValue(), paths);
                });
            } else if (node.isArray() && !node.isEmpty()) {
                collect(path + "[]", node.get(0), paths);
            }
        }

        /** The kind of a field's value as an integrator reads it (decimal string, UTC timestamp, business date…). */
        public String kindOf(String path) {
            JsonNode node = file.path("payload");
            for (String part : path.split("\\.")) {
                node = part.endsWith("[]")
                        ? node.path(part.substring(0, part.length() - 2)).path(0)
                        : node.path(part);
            }
            return kind(node);
        }

        private static String kind(JsonNode node) {
            if (node.isObject()) {
                return "object";
            }
            if (node.isArray()) {
                return node.isEmpty() ? "array" : "array of " + kind(node.get(0));
            }
            if (node.isBoolean()) {
                return "boolean";
            }
            if (node.isIntegralNumber()) {
                return "integer";
            }
            if (node.isNumber()) {
                return "number";
            }
            String text = node.asText();
            if (text.matches("-?\\d+\\.\\d+")) {
                return "decimal (string)";
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                return "timestamp (UTC, ISO-8601)";
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return "date (ISO-8601)";
            }
            return "string";
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new AssertionError(message);
            }
        }
    }

    /** Changes to an example payload for a consumer test; only fields the sample has can be set. */
    public static final class Edits {
        private final String type;
        private final ObjectNode payload;

        Edits(String type, ObjectNode payload) {
            this.type = type;
            this.payload = payload;
        }

        /** Sets the field at a JSON pointer ({@code /lines/0/product_id}) that the sample already has. */
        public Edits set(String pointer, Object value) {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = payload.at(at.head());
            String field = at.last().getMatchingProperty();
            if (parent instanceof ObjectNode object && object.has(field)) {
                object.set(field, JSON.valueToTree(value));
            } else if (parent instanceof ArrayNode array
                    && at.last().mayMatchElement()
                    && at.last().getMatchingIndex() < array.size()) {
                array.set(at.last().getMatchingIndex(), JSON.valueToTree(value));
            } else {
                throw new AssertionError(
                        "The " + type + " sample has no field " + pointer + ": the producer does not send it");
            }
            return this;
        }

        /** Appends a copy of the sample's first element to an array field (a sale with two lines), to be edited by index. */
        public Edits addElement(String pointer) {
            JsonNode node = payload.at(pointer);
            if (!(node instanceof ArrayNode array) || array.isEmpty()) {
                throw new AssertionError("The " + type + " sample has no array with an element at " + pointer);
            }
            array.add(array.get(0).deepCopy());
            return this;
        }

        /** Empties an array field (a sale without payments). */
        public Edits clear(String pointer) {
            JsonNode node = payload.at(pointer);
            if (!(node instanceof ContainerNode<?> container) || !node.isArray()) {
                throw new AssertionError("The " + type + " sample has no array at " + pointer);
            }
            ((ArrayNode) container).removeAll();
            return this;
        }
    }
}
