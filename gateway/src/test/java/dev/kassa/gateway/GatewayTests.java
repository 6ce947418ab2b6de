package dev.kassa.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.platform.security.ServiceTokens;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.TestTokens;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "kassa.gateway.max-request-bytes=1000",
            "kassa.gateway.max-upload-bytes=5000",
            "kassa.gateway.auth-rate-limit=8",
            "kassa.gateway.service-secret=" + GatewayTests.SECRET,
            "kassa.gateway.cors-origins=https://till.example.uz,http://localhost:[*]",
            "kassa.gateway.max-concurrent-calls=4",
            "kassa.gateway.queue-wait=2500ms",
            "kassa.gateway.route-timeout=4s",
            "kassa.gateway.max-queued-calls=4",
            "management.tracing.sampling.probability=1.0"
        })
@Import(GatewayTests.TestDecoder.class)
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTests {

    static final String STORE = "shop_a_0000000a";
    static final String SECRET = "gateway-test-secret-0123456789";
    static final AtomicInteger SLOW_IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger SLOW_MOST_AT_ONCE = new AtomicInteger();
    static final HttpServer ECHO = echoServer();

    @TestConfiguration
    static class TestDecoder {
        @Bean
        @Primary
        ReactiveJwtDecoder testDecoder() {
            return NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey())
                    .build();
        }

        /** The spans the gateway records, as a trace backend would receive them. */
        @Bean
        SpanExporter recordedSpans() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    spans.forEach(span -> TRACES.add(span.getTraceId()));
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }
    }

    static final Set<String> TRACES = ConcurrentHashMap.newKeySet();

    /** What auth answers the gateway's read of the recent revocations. */
    static final AtomicReference<String> REVOCATIONS = new AtomicReference<>("{\"revocations\":[]}");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.discovery.client.simple.instances.catalog-service[0].uri",
                () -> "http://127.0.0.1:" + ECHO.getAddress().getPort());
        registry.add(
                "spring.cloud.discovery.client.simple.instances.task-service[0].uri",
                () -> "http://127.0.0.1:" + ECHO.getAddress().getPort());
        registry.add(
                "spring.cloud.discovery.client.simple.instances.production-service[0].uri",
                () -> "http://127.0.0.1:" + ECHO.getAddress().getPort());
        // auth's address, where the gateway reads the recent revocations every 200 ms
        registry.add(
                "kassa.security.jwks-uri",
                () -> "http://127.0.0.1:" + ECHO.getAddress().getPort() + "/api/users/.well-known/jwks.json");
        registry.add("kassa.gateway.revocations-refresh", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        ECHO.stop(0);
    }

    /** Answers with the request line and headers it received, so the test sees what the gateway forwarded. */
    static HttpServer echoServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(16));
            // auth's recent revocations, as the test sets them; read only with the gateway's service token
            server.createContext("/internal/revocations", exchange -> {
                String token = exchange.getRequestHeaders().getFirst(ServiceTokens.HEADER);
                boolean signed = token != null
                        && new ServiceTokens(SECRET, "auth", java.time.Clock.systemUTC())
                                .verify(token)
                                .isPresent();
                byte[] body = (signed ? REVOCATIONS.get() : "{\"status\":\"error\",\"code\":\"internal_only\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(signed ? 200 : 403, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                // a service reads the body before it answers (and says how much of it came)
                int received = exchange.getRequestBody().readAllBytes().length;
                if (exchange.getRequestURI().getPath().startsWith("/api/products/stuck")) {
                    try {
                        Thread.sleep(6000); // longer than the route may take
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (exchange.getRequestURI().getPath().startsWith("/api/products/slow")) {
                    int now = SLOW_IN_FLIGHT.incrementAndGet();
                    SLOW_MOST_AT_ONCE.accumulateAndGet(now, Math::max);
                    try {
                        // a busy service: the calls pile up at the gateway
                        Thread.sleep(
                                exchange.getRequestURI().getPath().startsWith("/api/products/slower") ? 3200 : 1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        SLOW_IN_FLIGHT.decrementAndGet();
                    }
                }
                String headers = exchange.getRequestHeaders().entrySet().stream()
                        .map(e -> "\"" + e.getKey().toLowerCase() + "\":\""
                                + String.join(",", e.getValue()).replace("\"", "'") + "\"")
                        .collect(Collectors.joining(","));
                byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"received\":" + received
                                + ",\"headers\":{" + headers + "}}")
                        .getBytes(StandardCharsets.UTF_8);
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

    @Autowired
    EdgeRevocations revocations;

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
        Api.Response r = member().header("X-Kassa-Role", "owner")
                .header("X-Internal-User", "1")
                .header("Idempotency-Key", "k-1")
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
        assertThat(r.header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(r.header("Permissions-Policy")).contains("camera=()");
        assertThat(api().get("/actuator/health").header("Content-Security-Policy"))
                .startsWith("default-src 'none'");
        assertThat(api().get("/redoc/").header("Content-Security-Policy"))
                .contains("https://cdn.redoc.ly")
                .contains("frame-ancestors 'none'");
    }

    @Autowired
    java.util.List<org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter> headerFilters;

    @Test
    void aProxiedCallsHeadersAreCopiedByOneForwardingFilterNotByRedundantOnes() {
        // the next test proves a client's forwarded headers still never reach a service without these
        assertThat(headerFilters)
                .extracting(f -> f.getClass().getSimpleName())
                .contains("ForwardedRequestFilter", "RemoveHopByHopHeadersFilter")
                .doesNotContain(
                        "RemoveForwardedHeadersFilter",
                        "RemoveXForwardedHeadersFilter",
                        "GRPCRequestHeadersFilter",
                        "GRPCResponseHeadersFilter");
    }

    @Test
    void servicesLearnTheClientAndTheAddressItUsedFromTheGatewayAloneUnderItsSignature() {
        Api.Response r = member().header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Kassa-Service-Token", "forged")
                .get("/api/products/products/?page=2");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/headers/x-forwarded-for")).as(r.toString()).isEqualTo("127.0.0.1");
        assertThat(r.at("/headers/forwarded").isMissingNode()).isTrue();
        assertThat(r.text("/headers/x-forwarded-host")).isEqualTo("127.0.0.1:" + port);
        assertThat(r.text("/headers/x-forwarded-proto")).isEqualTo("http");
        assertThat(r.text("/headers/x-forwarded-port")).isEqualTo(String.valueOf(port));
        var call = new ServiceTokens(SECRET, "auth-service", Clock.systemUTC())
                .verify(r.text("/headers/x-kassa-service-token"))
                .orElseThrow();
        assertThat(call.service()).isEqualTo("gateway");
        assertThat(call.clientAddress()).hasValue("127.0.0.1");
    }

    @Test
    void aRouteForwardsItsCapacityAtOnceQueuesTheNextInOrderAndRefusesBeyondTheQueueWithAFast503() throws Exception {
        // four places, four more may wait up to 2.5 s: of twelve calls to a service answering in 1.5 s, eight are
        // served
        // (the queued four when places free up) and four are refused at once
        ExecutorService tills = Executors.newFixedThreadPool(12);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(tills.submit(() -> member().get("/api/products/slow")));
            }
            int served = 0;
            int refused = 0;
            for (var call : calls) {
                Api.Response r = call.get(30, TimeUnit.SECONDS);
                if (r.status() == 200) {
                    served++;
                } else {
                    assertErrorBody(r, 503, "overloaded");
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                    refused++;
                }
            }
            assertThat(served)
                    .as("four forwarded, then the four queued behind them")
                    .isEqualTo(8);
            assertThat(refused).as("the queue's four places were full").isEqualTo(4);
            assertThat(SLOW_MOST_AT_ONCE.get())
                    .as("the service never saw more than the route's four places")
                    .isEqualTo(4);

            // a queued call waits at most queue-wait (2.5 s), then is refused: the places are held by 3.2 s calls
            List<Future<Api.Response>> slower = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slower.add(tills.submit(() -> member().get("/api/products/slower")));
            }
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> SLOW_IN_FLIGHT.get() == 4);
            long start = System.nanoTime();
            Api.Response waited = member().get("/api/products/products/");
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertErrorBody(waited, 503, "overloaded");
            assertThat(waitedMs)
                    .as("refused after its wait, before a place freed up")
                    .isBetween(2_000L, 3_150L);
            for (var call : slower) {
                assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            tills.shutdownNow();
        }
        // the gateway's own limit never opens the route's breaker: the next calls go through
        for (int i = 0; i < 25; i++) {
            assertThat(member().get("/api/products/products/").status()).isEqualTo(200);
        }
    }

    @Test
    void aCallLongerThanTheRouteTimeoutGetsA503WhenTheTimeIsUp() {
        long start = System.nanoTime();
        Api.Response r = member().get("/api/products/stuck");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertErrorBody(r, 503, "service_unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(tookMs)
                .as("answered at the route's time limit (4 s), not when the service finally answers (6 s)")
                .isBetween(3_500L, 5_500L);
        assertThat(timeLimiters.getAllTimeLimiters())
                .as("one timer per call, the HTTP client's: the breaker's own time limiter is off")
                .isEmpty();
    }

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Test
    void refusesMissingTokensKeysAndStrangers() {
        assertErrorBody(api().in(STORE).get("/api/products/products/"), 401, "not_authenticated");
        assertErrorBody(api().as("not.a.token").in(STORE).get("/api/products/products/"), 401, "token_not_valid");
        assertErrorBody(
                api().as(TestTokens.expired(1, Map.of(STORE, "owner")))
                        .in(STORE)
                        .get("/api/products/products/"),
                401,
                "token_not_valid");
        assertErrorBody(member().in(null).get("/api/products/products/"), 400, "missing_tenant_key");
        Api.Response stranger = api().as(TestTokens.token(2, "b", Map.of("shop_b_0000000b", "owner")))
                .in(STORE)
                .get("/api/products/products/");
        assertErrorBody(stranger, 403, "not_a_member");
        Api.Response unknown = api().as(TestTokens.token(2, "b", Map.of("shop_b_0000000b", "owner")))
                .in("ghost_12345678")
                .get("/api/products/products/");
        assertThat(unknown.text("/message")).isEqualTo(stranger.text("/message"));
        assertThat(api().english().in(STORE).get("/api/sales/sales/").text("/message"))
                .isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void anErrorTheGatewayAnswersItselfQuotesTheTraceItRecordedAndServicesContinueIt() {
        Api.Response refused = api().in(STORE).get("/api/products/products/");
        assertErrorBody(refused, 401, "not_authenticated");
        String trace = refused.text("/trace_id");
        assertThat(trace).matches("[0-9a-f]{32}");
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TRACES)
                .as("the trace support finds from the quoted id")
                .contains(trace));
        // a client's own trace is continued, not replaced
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String forwarded = member().header("traceparent", parent)
                .get("/api/products/products/")
                .text("/headers/traceparent");
        assertThat(forwarded)
                .as("the service's span continues the client's trace under the gateway's span")
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(api().in(STORE)
                        .header("traceparent", parent)
                        .get("/api/products/products/")
                        .text("/trace_id"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void publicAuthRoutesNeedNoTokenWithOrWithoutTheTrailingSlash() {
        // auth-service is not registered in this test, so reaching the route means 503, not 401
        assertThat(api().post("/api/users/auth/register/", "{}").text("/code")).isEqualTo("service_unavailable");
        assertThat(api().post("/api/users/auth/login", "{}").text("/code")).isEqualTo("service_unavailable");
        assertThat(api().as("stale.token.here")
                        .post("/api/users/auth/token/refresh/", "{}")
                        .text("/code"))
                .isEqualTo("service_unavailable");
        assertThat(api().get("/api/users/auth/my-stores/").text("/code")).isEqualTo("not_authenticated");
        // a digital receipt's page reaches sales (not registered here) with neither a token nor a store key
        assertThat(api().get("/r/AAAAAAAAAAAAAAAAAAAAAAAA").text("/code")).isEqualTo("service_unavailable");
        // and so does a table's menu for guests
        assertThat(api().get("/m/AAAAAAAAAAAAAAAAAAAAAAAA").text("/code")).isEqualTo("service_unavailable");
        assertThat(api().as(TestTokens.token(1, "o", Map.of(STORE, "owner")))
                        .get("/api/users/auth/my-stores/")
                        .text("/code"))
                .isEqualTo("service_unavailable");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void loginAndPinLoginAreRateLimitedPerAddress() {
        Api.Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            // the original's spelling pin_login is the same path: public, and counted with the others
            Api.Response r = api().post(
                            List.of("/api/users/auth/login/", "/api/users/auth/pin-login/", "/api/users/auth/pin_login")
                                    .get(i % 3),
                            "{}");
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
    void unknownRoutesTooLargeBodiesAndTheGatewayActuatorAreRefused() throws Exception {
        assertErrorBody(member().get("/api/nowhere/at-all/"), 404, "not_found");
        assertErrorBody(api().get("/nothing-here"), 404, "not_found");
        Api.Response tooLarge = member().post("/api/products/products/", "{\"name\":\"" + "x".repeat(2000) + "\"}");
        assertErrorBody(tooLarge, 413, "payload_too_large");
        assertThat(tooLarge.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // a form with a photo may be larger than JSON, up to its own limit
        Api.Form photo =
                new Api.Form().field("task", 1).file("photos", "shelf.jpg", "image/jpeg", Api.Images.jpeg(2000));
        assertThat(member().multipart("POST", "/api/tasks/reports/", photo).status())
                .isNotEqualTo(413);
        Api.Form huge =
                new Api.Form().field("task", 1).file("photos", "shelf.jpg", "image/jpeg", Api.Images.jpeg(6000));
        assertErrorBody(member().multipart("POST", "/api/tasks/reports/", huge), 413, "payload_too_large");
        // a body sent in chunks, without a length, is held to the same limit on the bytes that pass (issue 60, point
        // 12)
        HttpResponse<String> chunked = chunked("/api/products/products/", 5000);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"payload_too_large\"");
        HttpResponse<String> small = chunked("/api/products/products/", 600);
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(small.body()).as("the service got it whole").contains("\"received\":600");
        assertThat(api().get("/actuator/gateway/routes").status()).isEqualTo(404);
        assertThat(api().get("/actuator/health").status()).isEqualTo(200);
    }

    /** A member's POST of {@code size} bytes of JSON sent in chunks (no Content-Length). */
    HttpResponse<String> chunked(String path, int size) throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(size - 11) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.token(1, "owner", Map.of(STORE, "owner")))
                .header("X-Tenant-Key", STORE);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenAuthRevokedIsRefusedAtTheEdgeWhateverTheServicesKnow() {
        String before = TestTokens.token(1, "owner", Map.of(STORE, "owner"));
        long revokedAt = System.currentTimeMillis() + 1;
        String other = TestTokens.token(2, "cashier", Map.of(STORE, "cashier"));
        REVOCATIONS.set("{\"revocations\":[{\"tenant_key\":\"" + STORE + "\",\"user_id\":1,\"not_before\":\""
                + Instant.ofEpochMilli(revokedAt) + "\"}],\"window_seconds\":960}");
        Instant set = Instant.now();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> revocations.readAt().isAfter(set));
            Api.Response refused = api().as(before).in(STORE).get("/api/products/products/");
            assertErrorBody(refused, 401, "token_revoked");
            assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(api().as(other).in(STORE).get("/api/products/products/").status())
                    .as("another employee's token")
                    .isEqualTo(200);
            Awaitility.await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > revokedAt);
            String after = TestTokens.token(1, "owner", Map.of(STORE, "owner"));
            assertThat(api().as(after).in(STORE).get("/api/products/products/").status())
                    .as("a token issued after the revocation")
                    .isEqualTo(200);
            // a closed store (user 0): every token of it issued before
            REVOCATIONS.set("{\"revocations\":[{\"tenant_key\":\"" + STORE + "\",\"user_id\":0,\"not_before\":\""
                    + Instant.ofEpochMilli(System.currentTimeMillis() + 1) + "\"}]}");
            Instant closed = Instant.now();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> revocations.readAt().isAfter(closed));
            assertErrorBody(api().as(other).in(STORE).get("/api/products/products/"), 401, "token_revoked");
        } finally {
            REVOCATIONS.set("{\"revocations\":[]}");
            Instant cleared = Instant.now();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> revocations.readAt().isAfter(cleared));
        }
    }

    HttpResponse<String> raw(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corsPreflightIsAnsweredForTillsInBrowsersOnEveryRoute() throws Exception {
        for (String path : List.of(
                "/api/sales/sales/scan-item/",
                "/api/users/auth/login/",
                "/api/nowhere/",
                "/api/sales/cashier-sessions/open/")) {
            HttpResponse<String> r = raw(
                    "OPTIONS",
                    path,
                    Map.of(
                            "Origin",
                            "https://till.example.uz",
                            "Access-Control-Request-Method",
                            "POST",
                            "Access-Control-Request-Headers",
                            "authorization,x-tenant-key,content-type"));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .hasValue("https://till.example.uz");
        }
        assertThat(raw(
                                "OPTIONS",
                                "/api/products/products/",
                                Map.of("Origin", "http://localhost:5173", "Access-Control-Request-Method", "GET"))
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:5173");
    }

    @Test
    void theGatewaysOwnRefusalsCarryCorsHeadersForAllowedOriginsSoBrowsersCanReadThem() throws Exception {
        Map<String, String> browser = Map.of("Origin", "https://till.example.uz");
        String token = TestTokens.token(1, "owner", Map.of(STORE, "owner"));
        List<HttpResponse<String>> answers = List.of(
                raw("GET", "/api/products/products/", browser),
                raw(
                        "GET",
                        "/api/products/products/",
                        Map.of("Origin", "https://till.example.uz", "Authorization", "Bearer " + token)),
                raw(
                        "GET",
                        "/api/products/products/",
                        Map.of(
                                "Origin",
                                "https://till.example.uz",
                                "Authorization",
                                "Bearer " + token,
                                "X-Tenant-Key",
                                "ghost_12345678")),
                raw(
                        "GET",
                        "/api/nowhere/",
                        Map.of(
                                "Origin",
                                "https://till.example.uz",
                                "Authorization",
                                "Bearer " + token,
                                "X-Tenant-Key",
                                STORE)),
                raw(
                        "GET",
                        "/api/sales/sessions/current/",
                        Map.of(
                                "Origin",
                                "https://till.example.uz",
                                "Authorization",
                                "Bearer " + token,
                                "X-Tenant-Key",
                                STORE)));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(401, 400, 403, 404, 503);
        for (HttpResponse<String> r : answers) {
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(r.statusCode() + " " + r.body())
                    .hasValue("https://till.example.uz");
            assertThat(r.body()).contains("\"status\":\"error\"");
        }
        assertThat(answers.get(4)
                        .headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse(""))
                .contains("Retry-After");
    }

    @Test
    void anUnknownOriginGetsNoCorsHeadersAtAll() throws Exception {
        HttpResponse<String> preflight = raw(
                "OPTIONS",
                "/api/sales/sales/scan-item/",
                Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.body()).contains("\"code\":\"cors_rejected\"");
        HttpResponse<String> call = raw("GET", "/api/products/products/", Map.of("Origin", "http://evil.example"));
        assertThat(call.statusCode()).isEqualTo(403);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        // a refusal is an answer like any other: it carries the security headers
        for (HttpResponse<String> r : List.of(preflight, call)) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        }
    }

    @Test
    void oddPathsAndTheActuatorIndexAnswerInTheErrorBody() {
        Api.Response dots = api().get("/api/users/stores/%2e%2e");
        assertErrorBody(dots, 400, "invalid_path");
        assertThat(api().get("/actuator").status()).isEqualTo(404);
        assertThat(api().get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void theOriginalClientsTaskPathsReachTheTaskApiAndNoOtherEmptySegmentPasses() throws Exception {
        Map<String, String> member = Map.of(
                "Authorization",
                "Bearer " + TestTokens.token(1, "owner", Map.of(STORE, "owner")),
                "X-Tenant-Key",
                STORE);
        for (Map.Entry<String, String> path : Map.of(
                        "/api/tasks/", "/api/tasks/tasks/",
                        "/api/tasks//17/", "/api/tasks/tasks/17/",
                        "/api/tasks//17/update_status/", "/api/tasks/tasks/17/update_status/",
                        "/api/tasks//my_tasks/", "/api/tasks/tasks/my_tasks/")
                .entrySet()) {
            HttpResponse<String> r = raw("GET", path.getKey(), member);
            assertThat(r.statusCode()).as(path.getKey() + " " + r.body()).isEqualTo(200);
            assertThat(r.body()).as(path.getKey()).contains("\"path\":\"" + path.getValue() + "\"");
        }
        // the client's create (POST /api/tasks/, also without the slash) and its changes of one task, whatever the
        // method
        for (List<String> call : List.of(
                List.of("POST", "/api/tasks/", "/api/tasks/tasks/"),
                List.of("POST", "/api/tasks", "/api/tasks/tasks/"),
                List.of("PATCH", "/api/tasks//17/", "/api/tasks/tasks/17/"),
                List.of("PUT", "/api/tasks//17/", "/api/tasks/tasks/17/"),
                List.of("DELETE", "/api/tasks//17/", "/api/tasks/tasks/17/"),
                List.of("POST", "/api/tasks//17/add_comment/", "/api/tasks/tasks/17/add_comment/"))) {
            HttpResponse<String> r = raw(call.get(0), call.get(1), member);
            assertThat(r.statusCode()).as(call + " " + r.body()).isEqualTo(200);
            assertThat(r.body()).as(call.toString()).contains("\"path\":\"" + call.get(2) + "\"");
        }
        assertThat(raw("GET", "/api/tasks//17/", Map.of("X-Tenant-Key", STORE)).statusCode())
                .as("still a store route: a token is required")
                .isEqualTo(401);
        for (String odd : List.of(
                "/api/products//1/",
                "/api/tasks///1/",
                "/api/tasks//17//comments/",
                "/api/tasks//%2e%2e/",
                "/api/tasks//..%2f/")) {
            HttpResponse<String> r = raw("GET", odd, member);
            assertThat(r.statusCode()).as(odd + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(odd).contains("\"code\":\"invalid_path\"");
        }
    }

    @Test
    void servesTheApiDocumentationPages() {
        Api.Response redoc = api().get("/redoc/");
        assertThat(redoc.status()).isEqualTo(200);
        assertThat(redoc.raw()).contains("/api-docs/");
        assertThat(api().get("/swagger").status()).isIn(200, 302, 307);
        assertThat(api().get("/v3/api-docs/swagger-config").raw()).contains("/api-docs/sales");
        Api.Response events = api().get("/api-docs/events");
        assertThat(events.status())
                .as("the events' AsyncAPI contract, without a token")
                .isEqualTo(200);
        assertThat(events.body().path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(events.body().at("/channels/salesEvents/address").asText()).isEqualTo("sales.events");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void productionHasItsOwnRouteQueueBreakerAndDocumentation() {
        Api.Response r = member().post("/api/production/orders/", "{\"product\":7}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/path")).isEqualTo("/api/production/orders/");
        assertThat(r.text("/headers/x-tenant-key")).isEqualTo(STORE);
        assertThat(r.text("/headers/authorization")).startsWith("Bearer ");
        // a store's route like the others: a token and a store key
        assertErrorBody(api().in(STORE).get("/api/production/orders/"), 401, "not_authenticated");
        assertErrorBody(member().in(null).get("/api/production/orders/"), 400, "missing_tenant_key");
        assertThat(meters.find("kassa_gateway_admission_in_flight")
                        .tag("route", "production")
                        .gauge())
                .as("production's calls wait in a queue of their own")
                .isNotNull();
        assertThat(api().get("/actuator/prometheus").raw())
                .as("and have a breaker of their own")
                .contains(
                        "resilience4j_circuitbreaker_state{application=\"gateway\",group=\"production\",name=\"production\",state=\"closed\"} 1.0");
        Api.Response docs = api().get("/api-docs/production");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.text("/path")).isEqualTo("/v3/api-docs");
        assertThat(api().get("/v3/api-docs/swagger-config").raw()).contains("/api-docs/production");
        assertThat(api().get("/redoc/").raw()).contains("?service=production");
    }
}
