package dev.kassa.platform.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;

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
                        example.name(), new Example().summary(example.summary()).value(example.value())));
            }
        }));
    }
}
