package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on a service's OpenAPI document ({@code /v3/api-docs}) that integrators rely on. */
public final class ApiDocs {
    private ApiDocs() {}

    /**
     * A service's committed OpenAPI document, {@code docs/openapi/<name>.json} of the repository the test runs in
     * (found from the working directory up).
     */
    public static JsonNode committed(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/openapi"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/openapi above " + Path.of("").toAbsolutePath());
        }
        try {
            return new ObjectMapper()
                    .readTree(dir.resolve("docs/openapi/" + name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a service's published document promises an integrator: the caller is never input, every answer has a typed
     * schema, every body an example, every example in {@code openapi/request-examples.json} names an operation, and the
     * error catalogue ({@code x-kassa-errors}) gives each code its status and a message in both languages.
     */
    public static void assertComplete(String service, JsonNode docs) {
        assertThat(docs.at("/x-kassa-errors"))
                .as(service + ": the error catalogue")
                .anySatisfy(e -> {
                    assertThat(e.path("code").asText()).isEqualTo("not_a_member");
                    assertThat(e.path("status").asInt()).isEqualTo(403);
                    assertThat(e.path("message").asText())
                            .isNotBlank()
                            .isNotEqualTo(e.path("message_ru").asText());
                });
        assertThat(requestsWithPlatformTypes(docs))
                .as(service + ": the caller is not input")
                .isEmpty();
        assertThat(successesWithoutSchema(docs))
                .as(service + ": every answer has a typed schema")
                .isEmpty();
        assertThat(bodiesWithoutExamples(docs))
                .as(service + ": every body has an example")
                .isEmpty();
        assertThat(requestExamplesWithoutOperation(docs))
                .as(service + ": examples in openapi/request-examples.json that name no operation")
                .isEmpty();
    }

    /** {@code METHOD path} of every operation that takes a JSON body but shows no example of it. */
    public static List<String> bodiesWithoutExamples(JsonNode docs) {
        List<String> missing = new ArrayList<>();
        docs.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    JsonNode json =
                            op.getValue().path("requestBody").path("content").path("application/json");
                    if (!json.isMissingNode()
                            && json.path("examples").isEmpty()
                            && json.path("example").isMissingNode()) {
                        missing.add(op.getKey().toUpperCase() + " " + path.getKey());
                    }
                }));
        return missing;
    }

    /**
     * Keys of the service's {@code openapi/request-examples.json} (on the test's class path) that name no operation with
     * a JSON body in {@code docs}: an example left behind when its path or method changed.
     */
    public static List<String> requestExamplesWithoutOperation(JsonNode docs) {
        List<String> stray = new ArrayList<>();
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream("openapi/request-examples.json")) {
            if (in == null) {
                return stray;
            }
            new ObjectMapper().readTree(in).fieldNames().forEachRemaining(key -> {
                String[] operation = key.split(" ", 2);
                JsonNode body = docs.path("paths")
                        .path(operation[1])
                        .path(operation[0].toLowerCase(Locale.ROOT))
                        .path("requestBody")
                        .path("content")
                        .path("application/json");
                if (body.isMissingNode()) {
                    stray.add(key);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stray;
    }

    /**
     * {@code METHOD path} of every operation whose request schema shows a platform type (the caller, the tenant) or wraps
     * the body in a {@code request} property: what the platform resolves itself must not look like input.
     */
    public static List<String> requestsWithPlatformTypes(JsonNode docs) {
        List<String> leaking = new ArrayList<>();
        docs.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    JsonNode schema = op.getValue()
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    String ref = schema.path("$ref").asText("");
                    JsonNode resolved = ref.startsWith("#/components/schemas/")
                            ? docs.path("components")
                                    .path("schemas")
                                    .path(ref.substring("#/components/schemas/".length()))
                            : schema;
                    JsonNode properties = resolved.path("properties");
                    if (properties.has("caller")
                            || properties.has("tenant")
                            || (properties.has("request") && properties.size() > 1)) {
                        leaking.add(op.getKey().toUpperCase() + " " + path.getKey());
                    }
                    op.getValue().path("parameters").forEach(p -> {
                        if ("caller".equals(p.path("name").asText())) {
                            leaking.add(op.getKey().toUpperCase() + " " + path.getKey());
                        }
                    });
                }));
        return leaking;
    }

    /**
     * {@code METHOD path status} of every successful answer (2xx other than 204) that publishes no typed schema: no
     * content, or an object (or a list of objects) without properties or typed values, as a {@code Map<String, Object>}
     * answer shows. Integrators
     * generate clients from these schemas.
     */
    public static List<String> successesWithoutSchema(JsonNode docs) {
        List<String> untyped = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(op -> op.getValue().path("responses").fields().forEachRemaining(response -> {
                    String status = response.getKey();
                    if (!status.startsWith("2") || "204".equals(status)) {
                        return;
                    }
                    JsonNode content = response.getValue().path("content");
                    boolean typed = !content.isEmpty();
                    for (JsonNode media : content) {
                        typed &= isTyped(docs, media.path("schema"), 0);
                    }
                    if (!typed) {
                        untyped.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status);
                    }
                })));
        return untyped;
    }

    private static boolean isTyped(JsonNode docs, JsonNode schema, int depth) {
        if (depth > 20) {
            return true;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return isTyped(
                    docs,
                    docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())),
                    depth + 1);
        }
        if (schema.has("items")) {
            return isTyped(docs, schema.path("items"), depth + 1);
        }
        if (schema.has("properties") || schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
            return true;
        }
        if (schema.path("additionalProperties").isObject()
                && !schema.path("additionalProperties").isEmpty()) {
            // a dictionary of typed values (an index of links by name, counts by key)
            return isTyped(docs, schema.path("additionalProperties"), depth + 1);
        }
        JsonNode type = schema.path("type");
        boolean object = type.isMissingNode()
                || "object".equals(type.asText())
                || (type.isArray() && type.toString().contains("\"object\""));
        return !object;
    }
}
