package dev.kassa.platform.test;

import org.springframework.util.AntPathMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two refusals every store endpoint owes: no token (401) and another store's key (403), both in the error body. */
public final class Boundaries {
    private Boundaries() {}

    private static final String STRANGER =
            TestTokens.token(999_001, "stranger", Map.of(TestStores.newKey("strn"), "owner"));

    /**
     * @param service   the service, running ({@code new Api(url)}) or a web slice ({@link Api#through})
     * @param store     a store key the stranger is not a member of
     * @param endpoints {@code "METHOD /path"}; bodies sent are {@code {}}
     */
    public static void assertGuarded(Api service, String store, List<String> endpoints) {
        assertGuarded(service, store, STRANGER, endpoints);
    }

    /**
     * Every store operation a service publishes (those with {@code x-kassa-roles} in its committed OpenAPI document,
     * {@code docs/openapi/<document>.json}, which the end-to-end suite holds equal to the served one), each path
     * variable {@code 1}: none may answer anything but the two refusals. Operations on {@code tenantlessPaths} (the
     * service's {@code kassa.tenancy.tenantless-paths}: the caller's own stores, no key) owe the first only; Kassa's
     * internal paths ({@code /internal/**}) answer only its own services and are tested with their tokens.
     */
    public static void assertEveryStoreOperationGuarded(Api service, String document, List<String> tenantlessPaths) {
        AntPathMatcher matcher = new AntPathMatcher();
        List<String> keyed = new ArrayList<>();
        List<String> tenantless = new ArrayList<>();
        ApiDocs.committed(document).path("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(operation -> {
                    String url = path.getKey().replaceAll("\\{[^}]+}", "1");
                    if (operation.getValue().has("x-kassa-roles") && !url.startsWith("/internal/")) {
                        String endpoint = operation.getKey().toUpperCase(Locale.ROOT) + " " + url;
                        (tenantlessPaths.stream().anyMatch(p -> matcher.match(p, url)) ? tenantless : keyed)
                                .add(endpoint);
                    }
                }));
        assertThat(keyed).as(document + "'s store operations").isNotEmpty();
        String store = TestStores.newKey("grd");
        assertGuarded(service, store, STRANGER, keyed);
        tenantless.forEach(endpoint -> assertAnonymousRefused(service, store, endpoint));
    }

    /** The same with the token of a real member of another store (for auth-service, which trusts only its own tokens). */
    public static void assertGuarded(Api service, String store, String stranger, List<String> endpoints) {
        for (String endpoint : endpoints) {
            Api.Response foreign = send(service.as(stranger), store, endpoint);
            assertThat(foreign.status())
                    .as(endpoint + " with another store's token: " + foreign)
                    .isEqualTo(403);
            assertErrorBody(foreign, "not_a_member", endpoint);
            assertAnonymousRefused(service, store, endpoint);
        }
    }

    private static void assertAnonymousRefused(Api service, String store, String endpoint) {
        Api.Response anonymous = send(service.as(null), store, endpoint);
        assertThat(anonymous.status())
                .as(endpoint + " without a token: " + anonymous)
                .isEqualTo(401);
        assertErrorBody(anonymous, "not_authenticated", endpoint);
    }

    private static Api.Response send(Api caller, String store, String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        Object body = "GET".equals(method) || "DELETE".equals(method) ? null : "{}";
        return caller.in(store).send(method, path, body);
    }

    private static void assertErrorBody(Api.Response r, String code, String endpoint) {
        assertThat(r.text("/status")).as(endpoint).isEqualTo("error");
        assertThat(r.text("/code")).as(endpoint).isEqualTo(code);
        assertThat(r.text("/message")).as(endpoint).isNotBlank();
        assertThat(r.text("/trace_id")).as(endpoint).isNotBlank();
    }
}
