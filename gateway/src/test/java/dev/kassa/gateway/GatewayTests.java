package dev.kassa.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "kassa.gateway.max-request-bytes=1000", "kassa.gateway.auth-rate-limit=8"})
@Import(GatewayTests.TestDecoder.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GatewayTests {

    static final String STORE = "shop_a_0000000a";
    static final HttpServer ECHO = echoServer();

    @TestConfiguration
    static class TestDecoder {
        @Bean
        @org.springframework.context.annotation.Primary
        ReactiveJwtDecoder testDecoder() {
            return NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri",
                () -> "http://127.0.0.1:" + ECHO.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        ECHO.stop(0);
    }

    /** Answers with the request line and headers it received, so the test sees what the gateway forwarded. */
    static HttpServer echoServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String headers = exchange.getRequestHeaders().entrySet().stream()
                        .map(e -> "\"" + e.getKey().toLowerCase() + "\":\"" + String.join(",", e.getValue()).replace("\"", "'") + "\"")
                        .collect(Collectors.joining(","));
                byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"headers\":{" + headers + "}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    Api member() {
        return api().as(TestTokens.token(1, "owner", Map.of(STORE, "owner"))).in(STORE);
    }

    static void assertErrorBody(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text("/status")).isEqualTo("error");
        assertThat(r.text("/code")).isEqualTo(code);
        assertThat(r.text("/message")).isNotBlank();
        assertThat(r.text("/trace_id")).isNotBlank();
    }

    @Test
    void routesAMemberToTheServiceAndStripsInternalHeaders() {
        Api.Response r = member().header("X-Kassa-Role", "owner").header("X-Internal-User", "1").header("Idempotency-Key", "k-1")
                .post("/api/products/products/", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/path")).isEqualTo("/api/products/products/");
        assertThat(r.text("/headers/x-tenant-key")).isEqualTo(STORE);
        assertThat(r.text("/headers/authorization")).startsWith("Bearer ");
        assertThat(r.text("/headers/idempotency-key")).isEqualTo("k-1");
        assertThat(r.at("/headers/x-kassa-role").isMissingNode()).isTrue();
        assertThat(r.at("/headers/x-internal-user").isMissingNode()).isTrue();
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void refusesMissingTokensKeysAndStrangers() {
        assertErrorBody(api().in(STORE).get("/api/products/products/"), 401, "not_authenticated");
        assertErrorBody(api().as("not.a.token").in(STORE).get("/api/products/products/"), 401, "token_not_valid");
        assertErrorBody(api().as(TestTokens.expired(1, Map.of(STORE, "owner"))).in(STORE).get("/api/products/products/"), 401, "token_not_valid");
        assertErrorBody(member().in(null).get("/api/products/products/"), 400, "missing_tenant_key");
        Api.Response stranger = api().as(TestTokens.token(2, "b", Map.of("shop_b_0000000b", "owner"))).in(STORE).get("/api/products/products/");
        assertErrorBody(stranger, 403, "not_a_member");
        Api.Response unknown = api().as(TestTokens.token(2, "b", Map.of("shop_b_0000000b", "owner"))).in("ghost_12345678").get("/api/products/products/");
        assertThat(unknown.text("/message")).isEqualTo(stranger.text("/message"));
        assertThat(api().english().in(STORE).get("/api/sales/sales/").text("/message")).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void publicAuthRoutesNeedNoTokenWithOrWithoutTheTrailingSlash() {
        // auth-service is not registered in this test, so reaching the route means 503, not 401
        assertThat(api().post("/api/users/auth/register/", "{}").text("/code")).isEqualTo("service_unavailable");
        assertThat(api().post("/api/users/auth/login", "{}").text("/code")).isEqualTo("service_unavailable");
        assertThat(api().as("stale.token.here").post("/api/users/auth/token/refresh/", "{}").text("/code")).isEqualTo("service_unavailable");
        assertThat(api().get("/api/users/auth/my-stores/").text("/code")).isEqualTo("not_authenticated");
        assertThat(api().as(TestTokens.token(1, "o", Map.of(STORE, "owner"))).get("/api/users/auth/my-stores/").text("/code"))
                .isEqualTo("service_unavailable");
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void loginAndPinLoginAreRateLimitedPerAddress() {
        Api.Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Api.Response r = api().post(i % 2 == 0 ? "/api/users/auth/login/" : "/api/users/auth/pin-login/", "{}");
            if (r.status() == 429) {
                limited = r;
            } else {
                assertThat(r.text("/code")).isEqualTo("service_unavailable");
            }
        }
        assertThat(limited).as("the limit of 8 per minute applies").isNotNull();
        assertErrorBody(limited, 429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        // other routes are not limited
        assertThat(member().get("/api/products/products/").status()).isEqualTo(200);
    }

    @Test
    void aServiceThatIsDownAnswers503InTheErrorBody() {
        Api.Response r = member().get("/api/sales/sessions/current/");
        assertErrorBody(r, 503, "service_unavailable");
        assertThat(r.header("Retry-After")).isNotNull();
    }

    @Test
    void unknownRoutesTooLargeBodiesAndTheGatewayActuatorAreRefused() {
        assertErrorBody(member().get("/api/nowhere/at-all/"), 404, "not_found");
        assertErrorBody(api().get("/nothing-here"), 404, "not_found");
        assertErrorBody(member().post("/api/products/products/", "{\"name\":\"" + "x".repeat(2000) + "\"}"), 413, "payload_too_large");
        assertThat(api().get("/actuator/gateway/routes").status()).isEqualTo(404);
        assertThat(api().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void corsPreflightIsAnsweredForTillsInBrowsers() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sales/sales/scan-item/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://till.example.uz")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,x-tenant-key,content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://till.example.uz");
    }

    @Test
    void servesTheApiDocumentationPages() {
        Api.Response redoc = api().get("/redoc/");
        assertThat(redoc.status()).isEqualTo(200);
        assertThat(redoc.raw()).contains("/api-docs/");
        assertThat(api().get("/swagger").status()).isIn(200, 302, 307);
        assertThat(api().get("/v3/api-docs/swagger-config").raw()).contains("/api-docs/sales");
    }
}
