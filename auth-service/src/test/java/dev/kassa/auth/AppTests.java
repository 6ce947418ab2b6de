package dev.kassa.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.auth.app.AppAccessRevoked;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A store's apps and the client-credentials grant (issue 38, part 1), as an owner and a partner use them. */
@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppTests {

    static final String TOKEN = "/api/users/oauth/token";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api() {
        return new Api("http://localhost:" + port);
    }

    /** A new owner with a store: their API in that store, and the store's key. */
    record Owner(Api api, String store, String access) {}

    Owner owner() {
        String username = "apps_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response reg =
                api().post("/api/users/auth/register/", Registrations.owner(username, "Азиз", "Партнёрский"));
        assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
        String store = reg.text("/data/store/tenant_key");
        String access = reg.text("/data/tokens/access");
        return new Owner(api().as(access).in(store), store, access);
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void anOwnerRegistersAnAppThatGetsScopedTokensUntilItsSecretIsRotatedOrItIsRevoked() throws Exception {
        Owner owner = owner();
        Api.Response created = owner.api()
                .post(
                        "/api/users/apps/",
                        json("name", "1C Бухгалтерия", "scopes", List.of("catalog:read", "sales:read")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clientId = created.text("/client_id");
        String secret = created.text("/client_secret");
        long id = created.at("/id").asLong();
        assertThat(clientId).startsWith("app_");
        assertThat(secret).startsWith("appsecret_").hasSizeGreaterThan(40);
        // the secret is shown once
        Api.Response list = owner.api().get("/api/users/apps/");
        assertThat(list.at("/count").asInt()).isEqualTo(1);
        assertThat(list.at("/results/0").has("client_secret")).isFalse();
        assertThat(owner.api().get("/api/users/apps/" + id + "/").body().has("client_secret"))
                .isFalse();

        // the client-credentials grant, with HTTP Basic or with the credentials in the form
        Api.Response granted = api().header("Authorization", basic(clientId, secret))
                .form(TOKEN, Map.of("grant_type", "client_credentials"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.text("/token_type")).isEqualTo("Bearer");
        assertThat(granted.at("/expires_in").asLong()).isEqualTo(900);
        assertThat(granted.text("/scope")).isEqualTo("catalog:read sales:read");
        assertThat(granted.header("Cache-Control")).contains("no-store");
        JsonNode claims = claims(granted.text("/access_token"));
        assertThat(claims.path("sub").asLong()).isEqualTo(-id);
        assertThat(claims.path("stores").path(owner.store()).asText()).isEqualTo("app");
        assertThat(claims.path("kassa_app").asText()).isEqualTo(clientId);
        Api.Response narrowed = api().form(
                        TOKEN,
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                clientId,
                                "client_secret",
                                secret,
                                "scope",
                                "catalog:read"));
        assertThat(narrowed.text("/scope")).isEqualTo("catalog:read");
        String appToken = narrowed.text("/access_token");

        // refusals a partner's OAuth library understands: the error body with RFC 6749's error
        Api.Response wrong = api().header("Authorization", basic(clientId, secret + "x"))
                .form(TOKEN, Map.of("grant_type", "client_credentials"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("/code")).isEqualTo("invalid_client");
        assertThat(wrong.text("/error")).isEqualTo("invalid_client");
        assertThat(wrong.text("/status")).isEqualTo("error");
        assertThat(api().form(
                                TOKEN,
                                Map.of(
                                        "grant_type",
                                        "client_credentials",
                                        "client_id",
                                        "app_nobody",
                                        "client_secret",
                                        "x"))
                        .text("/error"))
                .isEqualTo("invalid_client");
        assertThat(api().header("Authorization", basic(clientId, secret))
                        .form(TOKEN, Map.of("grant_type", "password"))
                        .text("/error"))
                .isEqualTo("unsupported_grant_type");
        Api.Response beyond = api().header("Authorization", basic(clientId, secret))
                .form(TOKEN, Map.of("grant_type", "client_credentials", "scope", "catalog:write"));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.text("/error")).isEqualTo("invalid_scope");
        Api.Response asJson = api().header("Authorization", basic(clientId, secret))
                .post(TOKEN, json("grant_type", "client_credentials"));
        assertThat(asJson.status()).isEqualTo(415);
        assertThat(asJson.text("/status")).isEqualTo("error");

        // an app is no employee: not the store's apps, not an employee's own routes, not another store
        Api app = api().as(appToken).in(owner.store());
        assertThat(app.get("/api/users/apps/").text("/code")).isEqualTo("permission_denied");
        assertThat(app.get("/api/users/employees/").text("/code")).isEqualTo("permission_denied");
        assertThat(app.get("/api/users/auth/me/").text("/code")).isEqualTo("permission_denied");
        assertThat(app.post("/api/users/auth/change-password/", json("old_password", "x", "new_password", "y"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(app.in(owner().store()).get("/api/users/apps/").text("/code"))
                .isEqualTo("not_a_member");

        // a rotated secret: the old one and the tokens it got stop working
        Api.Response rotated = owner.api().post("/api/users/apps/" + id + "/rotate-secret/", null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.text("/client_secret");
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(api().header("Authorization", basic(clientId, secret))
                        .form(TOKEN, Map.of("grant_type", "client_credentials"))
                        .status())
                .isEqualTo(401);
        assertThat(EventSamples.awaitEmitted(AppAccessRevoked.class, owner.store())
                        .at("/payload/reason")
                        .asText())
                .isEqualTo("secret_rotated");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(app.get("/api/users/apps/").text("/code")).isEqualTo("token_revoked"));
        String fresh = api().header("Authorization", basic(clientId, newSecret))
                .form(TOKEN, Map.of("grant_type", "client_credentials"))
                .text("/access_token");
        assertThat(api().as(fresh).in(owner.store()).get("/api/users/apps/").text("/code"))
                .as("a token after the rotation is the app's again")
                .isEqualTo("permission_denied");

        // revoked: no token, and the app is gone from the list
        assertThat(owner.api().delete("/api/users/apps/" + id + "/").status()).isEqualTo(204);
        assertThat(api().header("Authorization", basic(clientId, newSecret))
                        .form(TOKEN, Map.of("grant_type", "client_credentials"))
                        .text("/error"))
                .isEqualTo("invalid_client");
        assertThat(owner.api().get("/api/users/apps/" + id + "/").status()).isEqualTo(404);
        assertThat(owner.api().get("/api/users/apps/").at("/count").asInt()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api().as(fresh)
                        .in(owner.store())
                        .get("/api/users/apps/")
                        .text("/code"))
                .isEqualTo("token_revoked"));
    }

    @Test
    void aTokenRequestRacingARotationWithTheOldSecretGetsNoToken() throws Exception {
        Owner owner = owner();
        Api.Response created =
                owner.api().post("/api/users/apps/", json("name", "Склад", "scopes", List.of("catalog:read")));
        String clientId = created.text("/client_id");
        String secret = created.text("/client_secret");
        long id = created.at("/id").asLong();
        // a rotation holds the app's row: it has written the new secret and not committed yet
        try (Connection rotation = dataSource.getConnection()) {
            rotation.setAutoCommit(false);
            try (PreparedStatement update = rotation.prepareStatement(
                    "update apps set secret_hash = 'rotated', rotated_at = now() where id = ?")) {
                update.setLong(1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            // the partner asks for a token with the secret it has, which it read as the app's before the rotation
            // commits
            CompletableFuture<Api.Response> request =
                    CompletableFuture.supplyAsync(() -> api().header("Authorization", basic(clientId, secret))
                            .form(TOKEN, Map.of("grant_type", "client_credentials")));
            await().atMost(Duration.ofSeconds(20)).until(() -> request.isDone() || waitingForTheApp(id));
            rotation.commit();
            Api.Response answer = request.get(20, TimeUnit.SECONDS);
            assertThat(answer.status())
                    .as("a secret rotated before the token was given gets none: " + answer)
                    .isEqualTo(401);
            assertThat(answer.text("/error")).isEqualTo("invalid_client");
        }
    }

    /** Whether a statement of auth's is waiting for a lock on the app's row (the token request behind the rotation). */
    private boolean waitingForTheApp(long id) {
        return Boolean.TRUE.equals(new JdbcTemplate(dataSource)
                .queryForObject(
                        "select exists (select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like 'update apps set last_used_at%')",
                        Boolean.class));
    }

    @Test
    void onlyTheStoresOwnerManagesItsAppsAndBadRequestsChangeNothing() {
        Owner owner = owner();
        Api.Response bad = owner.api().post("/api/users/apps/", json("name", " ", "scopes", List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames()).toIterable().contains("name", "scopes");
        Api.Response unknown = owner.api()
                .post("/api/users/apps/", json("name", "POS", "scopes", List.of("catalog:read", "pos:sell")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/errors/scopes/0")).contains("pos:sell");
        assertThat(owner.api().post("/api/users/apps/", "{\"name\": ").status()).isEqualTo(400);
        assertThat(owner.api().get("/api/users/apps/").at("/count").asInt()).isZero();

        assertThat(api().in(owner.store()).get("/api/users/apps/").status()).isEqualTo(401);
        assertThat(owner().api().in(owner.store()).get("/api/users/apps/").text("/code"))
                .isEqualTo("not_a_member");
        String cashier = "apps_cashier_" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(owner.api()
                        .post(
                                "/api/users/employees/",
                                json(
                                        "username", cashier,
                                        "password", "SecurePass123",
                                        "first_name", "Касса",
                                        "role", "manager"))
                        .status())
                .isEqualTo(201);
        String managerToken = api().post(
                        "/api/users/auth/login/", json("username", cashier, "password", "SecurePass123"))
                .text("/access");
        Api manager = api().as(managerToken).in(owner.store());
        assertThat(manager.post("/api/users/apps/", json("name", "X", "scopes", List.of("catalog:read")))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.get("/api/users/apps/").text("/code")).isEqualTo("permission_denied");
        assertThat(owner.api().get("/api/users/apps/424242/").status()).isEqualTo(404);
        assertThat(owner.api()
                        .post("/api/users/apps/424242/rotate-secret/", null)
                        .status())
                .isEqualTo(404);
        assertThat(owner.api().delete("/api/users/apps/424242/").status()).isEqualTo(404);
    }
}
