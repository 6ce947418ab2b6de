package dev.kassa.platform.web;

import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.ModuleErrors;
import dev.kassa.platform.error.NamedErrors;
import dev.kassa.platform.error.PlatformErrors;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every error a service can answer: the platform's ({@link PlatformErrors}) and the service's own named errors (the
 * enums implementing {@link KassaError} in its packages). Published in the service's OpenAPI as the {@code ErrorBody}
 * schema, whose {@code code} lists every code, and as {@code x-kassa-errors} (status, code and message in both languages).
 */
public class ErrorCatalogue implements OpenApiCustomizer {

    private final List<KassaError> errors;
    private final MessageSource messages;

    public ErrorCatalogue(List<String> basePackages, MessageSource messages) {
        this(basePackages, List.of(), messages);
    }

    /** The service's errors and those of the platform modules it turned on ({@link ModuleErrors}). */
    public ErrorCatalogue(List<String> basePackages, List<ModuleErrors> modules, MessageSource messages) {
        this.errors = NamedErrors.in(
                basePackages, modules.stream().flatMap(m -> m.errors().stream()).toList());
        this.messages = messages;
    }

    public List<KassaError> errors() {
        return errors;
    }

    @Override
    public void customise(OpenAPI openApi) {
        TreeSet<String> codes = new TreeSet<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (KassaError e : errors) {
            codes.add(e.code());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", e.status());
            entry.put("code", e.code());
            entry.put("message", messages.getMessage(e.messageKey(), null, e.messageKey(), Locale.ENGLISH));
            entry.put(
                    "message_ru",
                    messages.getMessage(e.messageKey(), null, e.messageKey(), Locale.forLanguageTag("ru")));
            listed.add(entry);
        }
        StringSchema code = new StringSchema();
        code.setEnum(new ArrayList<>(codes));
        code.setDescription(
                "Stable machine code; the list is every code this service can answer (x-kassa-errors has each one's status and message)");
        Schema<Object> body = new ObjectSchema()
                .addProperty("status", new StringSchema()._enum(List.of("error")))
                .addProperty("code", code)
                .addProperty(
                        "message",
                        new StringSchema().description("In the caller's language (Accept-Language: ru by default, en)"))
                .addProperty(
                        "errors",
                        new MapSchema()
                                .additionalProperties(new ArraySchema().items(new StringSchema()))
                                .description("Per-field messages of a 400 invalid"))
                .addProperty("trace_id", new StringSchema());
        body.setRequired(List.of("status", "code", "message"));
        body.setDescription("The one error body of every Kassa answer");
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas("ErrorBody", body);
        // every operation can refuse (bad input, no token, another store, a role it excludes, not found): in this body
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null
                        && operation.getResponses().keySet().stream().noneMatch(s -> s.startsWith("4"))) {
                    operation
                            .getResponses()
                            .addApiResponse(
                                    "4XX",
                                    new ApiResponse()
                                            .description(
                                                    "Refused: the one error body; its code says why (x-kassa-errors lists them)")
                                            .content(new Content()
                                                    .addMediaType(
                                                            "application/json",
                                                            new MediaType()
                                                                    .schema(new Schema<>()
                                                                            .$ref("#/components/schemas/ErrorBody")))));
                }
            }));
        }
        openApi.addExtension("x-kassa-errors", listed);
    }
}
