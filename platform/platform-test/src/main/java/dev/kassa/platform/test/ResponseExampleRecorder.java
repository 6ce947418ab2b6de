package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records real answers of a service as the examples of its OpenAPI ({@code src/main/resources/openapi/response-examples.json},
 * read by the platform's {@code ResponseExamples}). A test drives the service with data, {@link #record}s each answer under
 * its operation ({@code "GET /api/analytics/daily-sales/{id}"}), then {@link #check}s: the stored examples must have the
 * same fields as today's answers (values may differ), and every listed operation must have one. Run the test with
 * {@code -Dkassa.examples.write=true} to write the file after a change of shape.
 */
public final class ResponseExampleRecorder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Path FILE = Path.of("src/main/resources/openapi/response-examples.json");

    private final Map<String, JsonNode> recorded = new TreeMap<>();

    /** Keeps {@code response} (a 2xx) as the example of {@code operation}; long lists are cut to their first two entries. */
    public Api.Response record(String operation, Api.Response response) {
        assertThat(response.status()).as(operation + ": " + response).isBetween(200, 299);
        recorded.put(operation, shorten(response.body().deepCopy()));
        return response;
    }

    /** Every operation of {@code operations} has an example, and the stored examples have the shapes recorded now. */
    public void check(List<String> operations) {
        assertThat(recorded.keySet()).as("operations without a recorded answer").containsAll(operations);
        if (Boolean.getBoolean("kassa.examples.write")) {
            try {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, JSON.writeValueAsString(recorded) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        JsonNode stored;
        try {
            stored = Files.exists(FILE) ? JSON.readTree(FILE.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> drifted = new ArrayList<>();
        recorded.forEach((operation, answer) -> {
            if (!stored.has(operation)) {
                drifted.add(operation + ": no stored example");
            } else if (!fields(stored.get(operation)).equals(fields(answer))) {
                drifted.add(operation + ": stored " + fields(stored.get(operation)) + ", answered " + fields(answer));
            }
        });
        assertThat(drifted)
                .as("examples in " + FILE
                        + " that no longer match the answers (rewrite them with -Dkassa.examples.write=true)")
                .isEmpty();
    }

    /** The field paths of a JSON value, arrays as {@code []}. */
    static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String at, TreeSet<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                paths.add(at + "/" + f.getKey());
                collect(f.getValue(), at + "/" + f.getKey(), paths);
            });
        } else if (node.isArray()) {
            node.forEach(e -> collect(e, at + "[]", paths));
        }
    }

    private static JsonNode shorten(JsonNode node) {
        if (node instanceof ArrayNode array) {
            while (array.size() > 2) {
                array.remove(array.size() - 1);
            }
            array.forEach(ResponseExampleRecorder::shorten);
        } else if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> shorten(f.getValue()));
        }
        return node;
    }
}
