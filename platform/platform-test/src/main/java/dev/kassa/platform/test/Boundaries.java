package dev.kassa.platform.test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two refusals every store endpoint owes: no token (401) and another store's key (403), both in the error body. */
public final class Boundaries {
    private Boundaries() {}

    /**
     * @param baseUrl   the service
     * @param store     a store key the stranger is not a member of
     * @param endpoints {@code "METHOD /path"}; bodies sent are {@code {}}
     */
    public static void assertGuarded(String baseUrl, String store, List<String> endpoints) {
        assertGuarded(
                baseUrl,
                store,
                TestTokens.token(999_001, "stranger", Map.of(TestStores.newKey("strn"), "owner")),
                endpoints);
    }

    /** The same with the token of a real member of another store (for auth-service, which trusts only its own tokens). */
    public static void assertGuarded(String baseUrl, String store, String stranger, List<String> endpoints) {
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            Object body = "GET".equals(method) || "DELETE".equals(method) ? null : "{}";
            Api.Response anonymous = new Api(baseUrl).in(store).send(method, path, body);
            assertThat(anonymous.status())
                    .as(endpoint + " without a token: " + anonymous)
                    .isEqualTo(401);
            assertErrorBody(anonymous, "not_authenticated", endpoint);
            Api.Response foreign = new Api(baseUrl).as(stranger).in(store).send(method, path, body);
            assertThat(foreign.status())
                    .as(endpoint + " with another store's token: " + foreign)
                    .isEqualTo(403);
            assertErrorBody(foreign, "not_a_member", endpoint);
        }
    }

    private static void assertErrorBody(Api.Response r, String code, String endpoint) {
        assertThat(r.text("/status")).as(endpoint).isEqualTo("error");
        assertThat(r.text("/code")).as(endpoint).isEqualTo(code);
        assertThat(r.text("/message")).as(endpoint).isNotBlank();
        assertThat(r.text("/trace_id")).as(endpoint).isNotBlank();
    }
}
