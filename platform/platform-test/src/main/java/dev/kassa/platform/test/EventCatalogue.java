package dev.kassa.platform.test;

import java.util.List;
import java.util.Map;

/**
 * The event catalogue for integrators ({@code docs/events.md}), generated from the golden samples so it cannot drift from
 * what producers emit and consumers read: per topic, each event's key, schema version, producer, consumers and every
 * field with its kind and meaning, and the example payload.
 */
public final class EventCatalogue {
    private EventCatalogue() {}

    public static String render(Map<String, EventSamples.Sample> samples) {
        StringBuilder md = new StringBuilder(
                """
                # Kassa events

                <!-- Generated from platform/platform-test/src/main/resources/kassa/events/*.json by EventCatalogueTests:
                     edit the samples, then run `./mvnw -pl platform/platform-test test -Dkassa.events.write=true`. -->

                Every change another service or an integrator may care about is published to Kafka through the producer's
                transactional outbox, in the same database transaction as the change (at least once, in order per store).
                Each message is a JSON envelope:

                | field | kind | meaning |
                |---|---|---|
                """);
        EventEnvelope.FIELDS.forEach(f -> md.append("| `")
                .append(f.name())
                .append("` | ")
                .append(f.kind())
                .append(" | ")
                .append(f.meaning())
                .append(" |\n"));
        md.append(
                """

                Consumers ignore fields they do not know and event types they do not read. A message that cannot be read is
                retried with backoff, then parked on `<topic>.DLT`.

                """);
        for (Map.Entry<String, List<EventSamples.Sample>> byTopic :
                EventSamples.byTopic(samples).entrySet()) {
            String topic = byTopic.getKey();
            List<EventSamples.Sample> events = byTopic.getValue();
            md.append("## `").append(topic).append("`\n\n");
            for (EventSamples.Sample s : events) {
                event(md, topic, s);
            }
        }
        return md.toString();
    }

    /** An event's section: its description, key, version, producer and consumers, its fields and an example. */
    private static void event(StringBuilder md, String topic, EventSamples.Sample s) {
        md.append("### ")
                .append(s.type())
                .append("\n\n")
                .append(s.description())
                .append("\n\n")
                .append("- topic: `")
                .append(topic)
                .append("`, key: `tenant_key`, schema version: ")
                .append(s.version())
                .append('\n')
                .append("- producer: ")
                .append(s.producer())
                .append('\n')
                .append("- consumers: ")
                .append(
                        s.consumers().isEmpty()
                                ? "none inside Kassa (for integrators)"
                                : String.join(", ", s.consumers()))
                .append("\n\n| field | kind | meaning |\n|---|---|---|\n");
        s.fields().forEach((path, meaning) -> md.append("| `")
                .append(path)
                .append("` | ")
                .append(s.kindOf(path))
                .append(" | ")
                .append(meaning)
                .append(" |\n"));
        md.append("\n```json\n").append(s.payload().toPrettyString()).append("\n```\n\n");
    }
}
