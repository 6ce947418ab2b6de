package dev.kassa.platform.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts an example of each answer into the service's OpenAPI, from {@code openapi/response-examples.json}: a map from
 * {@code "GET /path/{id}"} to a real answer, recorded by the service's tests from a store with data (so an example is
 * what the endpoint really answers, and a test fails when they part). Operations without one keep the schema only.
 */
public class ResponseExamples implements OpenApiCustomizer {

    public static final String RESOURCE = "openapi/response-examples.json";

    private final Map<String, Object> examples;

    public ResponseExamples(ObjectMapper json) {
        this.examples = read(json, RESOURCE, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** A service's examples file, empty when it has none. */
    static <T extends Map<String, ?>> T read(ObjectMapper json, String resource, TypeReference<T> type) {
        ClassPathResource file = new ClassPathResource(resource);
        try {
            if (!file.exists()) {
                return json.readValue("{}", type);
            }
            try (InputStream in = file.getInputStream()) {
                return json.readValue(in, type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (examples.isEmpty() || openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            // the spec shows each operation at its canonical path; its aliases are a list on it (PublishedAliases)
            Object example = examples.get(method.name() + " " + path);
            if (example != null) {
                attach(operation, example);
            }
        }));
    }

    private static void attach(Operation operation, Object example) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().entrySet().stream()
                .filter(r -> r.getKey().startsWith("2"))
                .findFirst()
                .map(Map.Entry::getValue)
                .ifPresent((ApiResponse response) -> {
                    if (response.getContent() == null) {
                        response.setContent(new Content());
                    }
                    MediaType json = response.getContent().computeIfAbsent("application/json", k -> new MediaType());
                    json.addExamples(
                            "recorded",
                            new Example()
                                    .summary("A real answer, recorded by the service's tests")
                                    .value(example));
                });
    }
}
