package dev.kassa.platform.test;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every golden sample is complete, and the committed event catalogue is exactly what the samples say. */
class EventCatalogueTests {

    private static final Path CATALOGUE = Path.of("../../docs/events.md");

    @Test
    void everyFieldOfEverySampleHasAMeaningAndEveryMeaningAField() {
        Map<String, EventSamples.Sample> samples = EventSamples.all();
        assertThat(samples).isNotEmpty();
        samples.forEach((type, sample) -> {
            assertThat(sample.fields().keySet())
                    .as("documented fields of %s", type)
                    .containsExactlyElementsOf(sample.paths());
            assertThat(sample.topic()).as("topic of %s", type).isNotBlank();
            assertThat(sample.producer()).as("producer of %s", type).endsWith("-service");
            assertThat(sample.description()).as("description of %s", type).isNotBlank();
            assertThat(sample.version()).as("schema version of %s", type).isPositive();
        });
    }

    @Test
    void theCatalogueInDocsIsGeneratedFromTheSamples() {
        GeneratedDocs.assertCurrent(CATALOGUE, EventCatalogue.render(EventSamples.all()));
    }
}
