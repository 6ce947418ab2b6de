package dev.kassa.platform.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts examples of each request body into the service's OpenAPI, from {@value #RESOURCE}: a map from
 * {@code "POST /path/{id}"} to a list of named examples ({@code [{"name": "open", "value": {…}}]}, a {@code summary}
 * optional). They live beside the spec rather than in annotations, so a controller shows its mapping and a body's
 * example reads as JSON; {@code ApiDocs} fails a service whose JSON body has none or whose example names no operation.
 */
public class RequestExamples implements OpenApiCustomizer {

    public static final String RESOURCE = "openapi/request-examples.json";

    /** One named example of a request body. */
    public record Named(String name, String summary, Object value) {}

    private final Map<String, List<Named>> examples;

    public RequestExamples(ObjectMapper json) {
        this.examples =
                ResponseExamples.read(json, RESOURCE, new TypeReference<LinkedHashMap<String, List<Named>>>() {});
    }

    /**
     * The example as its schema publishes it: a number where the schema has a decimal (a string of format {@code decimal})
     * is written as that string ({@code 12000} → {@code "12000"}). Kassa accepts either; the document shows one type.
     */
    @SuppressWarnings("unchecked")
    static Object asPublished(Object value, Schema<?> schema, OpenAPI openApi, int depth) {
        Schema<?> resolved = resolve(schema, openApi);
        if (resolved == null || value == null || depth > 16) {
            return value;
        }
        if (value instanceof Number number && "decimal".equals(resolved.getFormat())) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        if (value instanceof Map<?, ?> map && resolved.getProperties() != null) {
            Map<String, Object> published = new LinkedHashMap<>();
            ((Map<String, Object>) map)
                    .forEach((key, field) -> published.put(
                            key, asPublished(field, resolved.getProperties().get(key), openApi, depth + 1)));
            return published;
        }
        if (value instanceof List<?> list && resolved.getItems() != null) {
            return list.stream()
                    .map(item -> asPublished(item, resolved.getItems(), openApi, depth + 1))
                    .toList();
        }
        return value;
    }

    private static Schema<?> resolve(Schema<?> schema, OpenAPI openApi) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? null
                : openApi.getComponents().getSchemas().get(name);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (examples.isEmpty() || openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<Named> named = examples.get(method.name() + " " + path);
            if (named == null
                    || operation.getRequestBody() == null
                    || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                named.forEach(example -> json.addExamples(
                        example.name(),
                        new Example()
                                .summary(example.summary())
                                .value(asPublished(example.value(), json.getSchema(), openApi, 0))));
            }
        }));
    }
}
