package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** A plain consumer on the test broker, reading from the beginning in its own group. */
public final class TestKafka {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestKafka() {}

    public static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    /**
     * The first event of {@code type} of the store {@code key} on {@code topic}, read from the beginning; fails when none
     * arrives within 30 s. Events leave the outbox as soon as their transaction commits, so tests look for them on the
     * broker.
     */
    public static JsonNode awaitEvent(String topic, String key, String type) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            return awaitEvent(consumer, key, type);
        }
    }

    /**
     * The first event of {@code type} of the store {@code key} (the record's key or the envelope's {@code tenant_key})
     * that {@code consumer} (already subscribed) reads; fails when none arrives within 30 s. Other tests' events, and anything that is not an event, are passed over.
     */
    public static JsonNode awaitEvent(KafkaConsumer<String, String> consumer, String key, String type) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ZERO)
                .until(() -> {
                    for (JsonNode event : poll(consumer, key)) {
                        if (type.equals(event.path("type").asText())) {
                            found.compareAndSet(null, event);
                        }
                    }
                    return found.get() != null;
                });
        return found.get();
    }

    /**
     * The events of the store {@code key} (the record's key or the envelope's {@code tenant_key}) among what one poll of
     * {@code consumer} (already subscribed) returns, in order; other stores' events and anything that is not an event are
     * passed over. For a test that collects several events inside its own {@code await()}.
     */
    public static List<JsonNode> poll(KafkaConsumer<String, String> consumer, String key) {
        List<JsonNode> events = new ArrayList<>();
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode event = parse(MAPPER, record.value());
            if (key.equals(record.key()) || key.equals(event.path("tenant_key").asText())) {
                events.add(event);
            }
        }
        return events;
    }

    private static JsonNode parse(ObjectMapper mapper, String value) {
        try {
            return mapper.readTree(value);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
