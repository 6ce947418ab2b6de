package dev.kassa.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages ({@code /r/…}, {@code /m/…}: no token) have a route of their own (issue 84, points 8 and 10): their
 * own few places and breaker, so that anonymous calls that are slow, fail or trickle their bodies never make a till's
 * call ({@code /api/sales/…}, the same service) wait, get 503 or meet an open breaker; and the pages keep the
 * Content-Security-Policy the service sent with them (a nonce for their own style), the gateway's only where it sent none.
 * Here both routes have two places and two waiting; sales is a stub.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "kassa.gateway.service-secret=" + GatewayTests.SECRET,
            "kassa.gateway.max-concurrent-calls=2",
            "kassa.gateway.max-queued-calls=2",
            "kassa.gateway.queue-wait=15s",
            "kassa.gateway.route-timeout=20s",
            "kassa.gateway.public-pages.max-concurrent-calls=2",
            "kassa.gateway.public-pages.max-queued-calls=2",
            "kassa.gateway.public-pages.body-wait=1s",
            "kassa.gateway.public-page-rate-limit=1000"
        })
@Import(GatewayTests.TestDecoder.class)
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPagesTests {

    static final String STORE = "shop_a_0000000a";
    static final String PAGE_POLICY =
            "default-src 'none'; style-src 'nonce-b3duLXBhZ2U'; img-src data:; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors 'none'";
    static final String GATEWAY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final AtomicInteger SLOW_IN_FLIGHT = new AtomicInteger();
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger BROKEN_CALLS = new AtomicInteger();
    static final AtomicInteger ORDERS = new AtomicInteger();
    static final HttpServer SALES = sales();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.discovery.client.simple.instances.sales-service[0].uri",
                () -> "http://127.0.0.1:" + SALES.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        SALES.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CircuitBreakerRegistry breakers;

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    Api till() {
        return api().as(TestTokens.token(1, "cashier", Map.of(STORE, "cashier")))
                .in(STORE);
    }

    @Test
    @Order(1)
    void aPageKeepsThePolicyItsServiceSentAndTheGatewaysAppliesWhereItSentNone() {
        Api.Response page = api().get("/r/page");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .as("the page's own policy, whose nonce its style carries")
                .isEqualTo(PAGE_POLICY);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");

        Api.Response json = api().header("Accept", "application/json").get("/m/plain");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.header("Content-Security-Policy"))
                .as("an answer the service sent without a policy")
                .isEqualTo(GATEWAY_POLICY);

        Api.Response unchanged = api().header("If-None-Match", "\"v1\"").get("/m/unchanged");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.header("Content-Security-Policy"))
                .as("a 304 leaves the policy of the page the browser keeps (and its nonce) as it is")
                .isNull();

        Api.Response api = till().get("/api/sales/csp");
        assertThat(api.status()).as(api.toString()).isEqualTo(200);
        assertThat(api.header("Content-Security-Policy"))
                .as("the API's answers keep the gateway's policy whatever a service sends")
                .isEqualTo(GATEWAY_POLICY);
    }

    @Test
    @Order(2)
    void pagesFillingTheirQueueNeverMakeATillWaitOrBeRefused() throws Exception {
        ExecutorService guests = Executors.newFixedThreadPool(6);
        try {
            List<Future<Api.Response>> pages = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pages.add(guests.submit(() -> api().get("/r/slow")));
            }
            // the pages' two places held by slow answers, two more waiting behind them
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .ignoreExceptions()
                    .until(() -> SLOW_IN_FLIGHT.get() == 2 && gauge("kassa_gateway_admission_queued") == 2);

            for (int i = 0; i < 5; i++) {
                Api.Response call = till().get("/api/sales/sales/current/");
                assertThat(call.status()).as(call.toString()).isEqualTo(200);
            }
            assertThat(SLOW_IN_FLIGHT.get())
                    .as("the till was answered while the pages still held every place of theirs")
                    .isEqualTo(2);
            assertThat(gauge("kassa_gateway_admission_queued"))
                    .as("and while two pages still waited")
                    .isEqualTo(2);

            RELEASE.countDown();
            int served = 0;
            int refused = 0;
            for (Future<Api.Response> page : pages) {
                Api.Response r = page.get(30, TimeUnit.SECONDS);
                if (r.status() == 200) {
                    served++;
                } else {
                    assertThat(r.status()).as(r.toString()).isEqualTo(503);
                    assertThat(r.text("/code")).isEqualTo("overloaded");
                    refused++;
                }
            }
            assertThat(List.of(served, refused))
                    .as("two forwarded and the two that waited; two refused at once")
                    .containsExactly(4, 2);
            assertThat(refusals("public-pages", "overloaded")).isEqualTo(2.0);
            assertThat(refusals("sales", "overloaded"))
                    .as("the tills' queue refused nothing")
                    .isZero();
        } finally {
            RELEASE.countDown();
            guests.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void aBodyThatDoesNotArriveInTimeIsAnswered408AndNeverReachesTheService() throws Exception {
        // a guest's order whose body stops halfway: refused once body-wait (1 s) is up, without a place or the service
        String answer = rawCall("POST /m/AAAAAAAAAAAAAAAAAAAAAAAA/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"items\": [");
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"");
        assertThat(ORDERS.get()).as("the service never saw the call").isZero();
        assertThat(gauge("kassa_gateway_admission_in_flight")).isZero();

        // a chunked body that stops coming: the same
        String chunked = rawCall("POST /m/AAAAAAAAAAAAAAAAAAAAAAAA/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"ite\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"");
        assertThat(ORDERS.get()).isZero();

        // one that comes whole reaches the service, body and all
        Api.Response order = api().post("/m/AAAAAAAAAAAAAAAAAAAAAAAA/orders", "{\"items\": []}");
        assertThat(order.status()).as(order.toString()).isEqualTo(200);
        assertThat(order.at("/received").asInt()).isEqualTo(13);
        assertThat(ORDERS.get()).isEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void failingPagesOpenTheirOwnBreakerNeverTheTills() {
        assertThat(till().get("/api/sales/sales/current/").status()).isEqualTo(200);
        for (int i = 0; i < 25; i++) {
            Api.Response r = api().get("/r/broken");
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.text("/code")).isEqualTo("service_unavailable");
            assertThat(r.header("Content-Security-Policy"))
                    .as("the gateway's own answer on a page's route")
                    .isEqualTo(GATEWAY_POLICY);
        }
        assertThat(BROKEN_CALLS.get()).isPositive();
        assertThat(breakers.find("public-pages").map(CircuitBreaker::getState))
                .as("the pages' breaker opened on their failures")
                .hasValue(CircuitBreaker.State.OPEN);
        assertThat(breakers.find("sales").map(CircuitBreaker::getState)).hasValue(CircuitBreaker.State.CLOSED);
        for (int i = 0; i < 5; i++) {
            Api.Response call = till().get("/api/sales/sales/current/");
            assertThat(call.status()).as("the tills' calls go on: " + call).isEqualTo(200);
        }
        assertThat(refusals("sales-service", "breaker_open")).isZero();
        assertThat(refusals("public-pages", "breaker_open")).isPositive();
    }

    double gauge(String name) {
        return meters.get(name).tag("route", "public-pages").gauge().value();
    }

    double refusals(String route, String reason) {
        return meters.counter("kassa_gateway_fallbacks_total", "route", route, "reason", reason)
                .count();
    }

    /** Sends {@code request} as it is and reads the answer's head and body (its Content-Length). */
    String rawCall(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    /** sales-service as the routes meet it: pages slow, broken, with and without a policy; the tills' API. */
    static HttpServer sales() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/", exchange -> {
                int received = exchange.getRequestBody().readAllBytes().length;
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/r/broken")) {
                    BROKEN_CALLS.incrementAndGet();
                    // the connection closed without an answer: a failure of the service
                    throw new IllegalStateException("broken");
                }
                if (path.startsWith("/r/slow")) {
                    SLOW_IN_FLIGHT.incrementAndGet();
                    try {
                        RELEASE.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        SLOW_IN_FLIGHT.decrementAndGet();
                    }
                }
                if (path.equals("/m/unchanged")) {
                    exchange.getResponseHeaders().set("ETag", "\"v1\"");
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                if (path.endsWith("/orders")) {
                    ORDERS.incrementAndGet();
                }
                boolean page = path.startsWith("/r/");
                if (page) {
                    exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
                } else if (path.startsWith("/api/sales/csp")) {
                    exchange.getResponseHeaders().set("Content-Security-Policy", "default-src *");
                }
                byte[] body = (page
                                ? "<!DOCTYPE html><style nonce=\"b3duLXBhZ2U\">body{margin:0}</style><p>" + path
                                : "{\"path\":\"" + path + "\",\"received\":" + received + "}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", page ? "text/html" : "application/json");
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
}
