package dev.kassa.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an integrator reads first in a service's OpenAPI: its title, version, description and contact instead of
 * springdoc's "OpenAPI definition v0"; each controller's operations grouped under a declared tag named for its feature
 * ({@code till}, not {@code till-controller}); and a description on every operation (its summary when it has none).
 * The specs are linted with Spectral's OpenAPI ruleset in the end-to-end suite ({@code infra/openapi-lint}).
 */
public class ApiDescription implements OpenApiCustomizer {

    private final String application;
    private final String description;

    /**
     * @param application the service's name ({@code spring.application.name})
     * @param description what the service does ({@code kassa.api.description}), or null
     */
    public ApiDescription(String application, String description) {
        this.application = application;
        this.description = description;
    }

    @Override
    public void customise(OpenAPI openApi) {
        String about = (description == null || description.isBlank() ? "" : description.strip() + "\n\n")
                + "Part of Kassa, a multi-tenant point-of-sale backend. Call it through the gateway with `Authorization: Bearer <access token>` "
                + "and `X-Tenant-Key: <store key>`; every refusal comes in one error body (`ErrorBody`, codes and messages in "
                + "`x-kassa-errors`), and `x-kassa-roles` on an operation names the store roles that may call it. "
                + "A path may end with `/` or not, `-` and `_` are the same in its words, and `x-kassa-aliases` lists the "
                + "other paths an operation answers at (the original system's spellings).";
        openApi.setInfo(new Info()
                .title("Kassa " + application + " API")
                .version("1")
                .description(about)
                .contact(new Contact().name("Kassa")));
        TreeSet<String> tags = new TreeSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    operation.setTags(operation.getTags().stream()
                            .map(ApiDescription::feature)
                            .distinct()
                            .toList());
                    tags.addAll(operation.getTags());
                }
                if (operation.getDescription() == null
                        || operation.getDescription().isBlank()) {
                    operation.setDescription(
                            Objects.requireNonNullElse(operation.getSummary(), operation.getOperationId()));
                }
            }));
        }
        operationIds(openApi);
        tags.forEach(tag -> {
            if (openApi.getTags() == null || openApi.getTags().stream().noneMatch(t -> tag.equals(t.getName()))) {
                openApi.addTagsItem(new Tag()
                        .name(tag)
                        .description("The " + tag.replace('-', ' ') + " operations of " + application));
            }
        });
    }

    /**
     * Names every operation after what it does and the feature it belongs to ({@code checkoutTill}, {@code createProduct},
     * {@code getProduct}), which a generated client shows as its method: springdoc's own ids are the handler's method name
     * with a number added where another controller has the same name ({@code get5}), a number that changes when an
     * operation is added anywhere in the service. A name that two operations of one feature share is numbered in the
     * order of their paths.
     */
    private static void operationIds(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, List<Operation>> byName = new TreeMap<>();
        new TreeMap<>(openApi.getPaths())
                .forEach((path, item) -> new TreeMap<>(item.readOperationsMap()).forEach((method, operation) -> {
                    if (operation.getOperationId() == null) {
                        return;
                    }
                    String action = operation.getOperationId().replaceFirst("_\\d+$", "");
                    String feature =
                            operation.getTags() == null || operation.getTags().isEmpty()
                                    ? ""
                                    : pascal(operation.getTags().get(0));
                    byName.computeIfAbsent(action + feature, k -> new ArrayList<>())
                            .add(operation);
                }));
        byName.forEach((name, operations) -> {
            for (int i = 0; i < operations.size(); i++) {
                operations.get(i).setOperationId(i == 0 ? name : name + (i + 1));
            }
        });
    }

    /** {@code daily-sales} → {@code DailySales}. */
    private static String pascal(String tag) {
        StringBuilder name = new StringBuilder();
        for (String word : tag.split("[-_ ]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    /** springdoc names a controller's tag after its class ({@code till-controller}); integrators read the feature. */
    static String feature(String tag) {
        return tag.endsWith("-controller") ? tag.substring(0, tag.length() - "-controller".length()) : tag;
    }
}
