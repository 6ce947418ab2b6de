package dev.kassa.platform.web;

import dev.kassa.platform.paths.PathAliases;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Set;

/**
 * Each operation of the service's OpenAPI lists the other paths it answers at ({@code x-kassa-aliases}, from
 * {@link PathAliases}): the spec shows one path per operation, and a client written for the original finds its own
 * spelling.
 */
public class PublishedAliases implements OpenApiCustomizer {

    public static final String EXTENSION = "x-kassa-aliases";

    private final PathAliases table;

    public PublishedAliases(PathAliases table) {
        this.table = table;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<String> aliases = table.spellingsOf(method.name(), path);
            if (!aliases.isEmpty()) {
                operation.addExtension(EXTENSION, List.copyOf(aliases));
            }
        }));
    }
}
