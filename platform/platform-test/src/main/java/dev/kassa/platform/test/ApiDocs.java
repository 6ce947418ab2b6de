package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Checks on a service's OpenAPI document ({@code /v3/api-docs}) that integrators rely on. */
public final class ApiDocs {
    private ApiDocs() { }

    /** {@code METHOD path} of every operation that takes a JSON body but shows no example of it. */
    public static List<String> bodiesWithoutExamples(JsonNode docs) {
        List<String> missing = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode json = op.getValue().path("requestBody").path("content").path("application/json");
            if (!json.isMissingNode() && json.path("examples").isEmpty() && json.path("example").isMissingNode()) {
                missing.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return missing;
    }

    /**
     * {@code METHOD path} of every operation whose request schema shows a platform type (the caller, the tenant) or wraps
     * the body in a {@code request} property: what the platform resolves itself must not look like input.
     */
    public static List<String> requestsWithPlatformTypes(JsonNode docs) {
        List<String> leaking = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            String ref = schema.path("$ref").asText("");
            JsonNode resolved = ref.startsWith("#/components/schemas/")
                    ? docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())) : schema;
            JsonNode properties = resolved.path("properties");
            if (properties.has("caller") || properties.has("tenant") || (properties.has("request") && properties.size() > 1)) {
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
}
