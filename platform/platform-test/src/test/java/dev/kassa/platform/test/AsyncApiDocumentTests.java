package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed AsyncAPI document is exactly what the golden samples say, and it names every event once. */
class AsyncApiDocumentTests {

    private static final Path DOCUMENT = Path.of("../../docs/asyncapi.json");

    @Test
    void theAsyncApiDocumentInDocsIsGeneratedFromTheSamples() {
        GeneratedDocs.assertCurrent(DOCUMENT, AsyncApiDocument.text(EventSamples.all()));
    }

    @Test
    void everyEventIsAMessageOfItsTopicsChannelWithItsSampleAsExample() {
        Map<String, EventSamples.Sample> samples = EventSamples.all();
        JsonNode doc = AsyncApiDocument.render(samples);
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("components").path("messages").size()).isEqualTo(samples.size());
        samples.forEach((type, sample) -> {
            String channel = AsyncApiDocument.channelId(sample.topic());
            assertThat(Topics.ALL).contains(sample.topic());
            assertThat(doc.at("/channels/" + channel + "/address").asText()).isEqualTo(sample.topic());
            assertThat(doc.at("/channels/" + channel + "/messages/" + type + "/$ref")
                            .asText())
                    .isEqualTo("#/components/messages/" + type);
            JsonNode message = doc.at("/components/messages/" + type);
            assertThat(message.at("/examples/0/payload/payload")).isEqualTo(sample.payload());
            assertThat(message.at("/examples/0/payload/type").asText()).isEqualTo(type);
            JsonNode schema = doc.at("/components/schemas/" + type + "Payload/properties");
            sample.payload().fieldNames().forEachRemaining(field -> assertThat(schema.has(field))
                    .as("%s.%s in its schema", type, field)
                    .isTrue());
        });
        JsonNode completed = doc.at("/components/schemas/SaleCompletedPayload/properties");
        assertThat(completed.at("/total/format").asText())
                .as("money is a decimal string")
                .isEqualTo("decimal");
        assertThat(completed.at("/completed_at/format").asText()).isEqualTo("date-time");
        assertThat(completed.at("/lines/items/properties/product_id/type").asText())
                .isEqualTo("integer");
        assertThat(completed.at("/customer_id/type").toString())
                .as("a field whose meaning says it may be null")
                .isEqualTo("[\"integer\",\"null\"]");
    }

    @Test
    void channelIdsAreTheTopicsInCamelCase() {
        assertThat(AsyncApiDocument.channelId("sales.events")).isEqualTo("salesEvents");
        assertThat(AsyncApiDocument.channelId("auth.events")).isEqualTo("authEvents");
    }
}
