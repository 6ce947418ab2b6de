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
}
