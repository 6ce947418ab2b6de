package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.security.AppScope;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each app scope reaches, written out from the committed OpenAPI documents' {@code x-kassa-scopes} (issue 60, point
 * 11): {@code docs/app-scopes.md} lists every operation each scope may call, so a new route a scope reaches shows in the
 * document's diff, and the build fails until the document is written again ({@code -Dkassa.events.write=true}).
 */
class AppScopesDocumentTests {

    private static final Path DOCUMENT = Path.of("../../docs/app-scopes.md");
    private static final List<String> SERVICES = List.of("auth", "catalog", "sales", "analytics", "task", "customer");

    @Test
    void theScopesDocumentListsEveryOperationEachScopeReaches() {
        Map<String, List<String>> byScope = new TreeMap<>();
        for (AppScope scope : AppScope.values()) {
            byScope.put(scope.code(), new ArrayList<>());
        }
        for (String service : SERVICES) {
            JsonNode paths = ApiDocs.committed(service).path("paths");
            paths.fieldNames()
                    .forEachRemaining(path -> paths.path(path).fields().forEachRemaining(op -> {
                        for (JsonNode scope : op.getValue().path("x-kassa-scopes")) {
                            assertThat(byScope)
                                    .as("%s %s names a scope", op.getKey(), path)
                                    .containsKey(scope.asText());
                            byScope.get(scope.asText())
                                    .add("| `" + op.getKey().toUpperCase() + "` | `" + path + "` | "
                                            + op.getValue()
                                                    .path("summary")
                                                    .asText()
                                                    .replace("|", "\\|") + " |");
                        }
                    }));
        }
        StringBuilder md = new StringBuilder(
                """
                # What each app scope reaches

                <!-- Generated from the committed OpenAPI documents (docs/openapi, each operation's x-kassa-scopes) by
                     AppScopesDocumentTests: run `./mvnw -pl platform/platform-test test -Dkassa.events.write=true`. -->

                A store's app (client credentials, [integrations](integrations.md#apps-scoped-client-credentials)) may call
                exactly the operations listed under its scopes, and no other: every operation of Kassa's published API that a
                scope reaches is here, deletions included. No scope sells, opens or closes a shift, or reaches employees,
                passwords or the store's settings. Who a customer is (a name, a phone) reaches only an app with
                `customers:read` or `customers:write`: a batch's trace answers the others its sales without the buyer
                (no customer, no `buyers`).
                """);
        byScope.forEach((scope, operations) -> {
            operations.sort(String::compareTo);
            md.append("\n## `")
                    .append(scope)
                    .append("` (")
                    .append(operations.size())
                    .append(" operations)\n\n");
            md.append("| method | path | what it does |\n|---|---|---|\n");
            operations.forEach(line -> md.append(line).append('\n'));
        });
        GeneratedDocs.assertCurrent(DOCUMENT, md.toString());
    }
}
