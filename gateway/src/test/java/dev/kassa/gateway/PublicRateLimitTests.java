package dev.kassa.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind an ingress every request comes from the ingress: the limit must count the clients it names. */
class PublicRateLimitTests {

    final PublicRateLimit limit = new PublicRateLimit(
            new GatewayProperties(
                    List.of(),
                    List.of(),
                    1_000_000,
                    30_000_000,
                    2,
                    3,
                    600,
                    1,
                    512,
                    Duration.ZERO,
                    1000,
                    Duration.ofSeconds(10),
                    null,
                    List.of()),
            new ErrorWriter(new ObjectMapper(), new SimpleMeterRegistry()),
            Clock.fixed(Instant.parse("2026-11-21T09:00:30Z"), ZoneOffset.UTC));
    final AtomicInteger passed = new AtomicInteger();

    HttpStatus login(String client) {
        return call(MockServerHttpRequest.post("/api/users/auth/login/"), client);
    }

    HttpStatus receipt(String client) {
        return call(MockServerHttpRequest.get("/r/AAAAAAAAAAAAAAAAAAAAAAAA"), client);
    }

    HttpStatus menu(String client) {
        return call(MockServerHttpRequest.get("/m/AAAAAAAAAAAAAAAAAAAAAAAA"), client);
    }

    HttpStatus call(MockServerHttpRequest.BaseBuilder<?> request, String client) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                request.remoteAddress(new InetSocketAddress("10.0.0.5", 40000)).header("X-Forwarded-For", client));
        limit.filter(exchange, e -> {
                    passed.incrementAndGet();
                    return Mono.empty();
                })
                .block();
        return (HttpStatus) exchange.getResponse().getStatusCode();
    }

    @Test
    void eachClientBehindTheIngressHasItsOwnAllowance() {
        login("198.51.100.1");
        login("198.51.100.1");
        assertThat(login("198.51.100.1")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(passed.get()).isEqualTo(2);
        login("198.51.100.2");
        assertThat(passed.get()).as("another client behind the same ingress").isEqualTo(3);
    }

    @Test
    void publicPagesHaveTheirOwnAllowancePerClient() {
        login("198.51.100.7");
        login("198.51.100.7");
        assertThat(login("198.51.100.7")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(receipt("198.51.100.7"))
                .as("logins do not use up the pages' allowance")
                .isNull();
        receipt("198.51.100.7");
        receipt("198.51.100.7");
        assertThat(receipt("198.51.100.7"))
                .as("a fourth receipt in the minute: tokens are not to be tried one after another")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(receipt("198.51.100.8")).isNull();
        assertThat(menu("198.51.100.7"))
                .as("a table's menu counts with the receipts: another public page whose token is its key")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(menu("198.51.100.9")).isNull();
        // a guest's orders from the table count apart, as many a minute
        for (int i = 0; i < 3; i++) {
            assertThat(call(MockServerHttpRequest.post("/m/AAAAAAAAAAAAAAAAAAAAAAAA/orders"), "198.51.100.7"))
                    .isNull();
        }
        assertThat(call(MockServerHttpRequest.post("/m/AAAAAAAAAAAAAAAAAAAAAAAA/orders"), "198.51.100.7"))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aPageCalledWithAnyOtherMethodCountsAsItsGetsDo() {
        // issue 84 point 8: only GETs and POSTs were counted, so a PUT, DELETE, PATCH or OPTIONS reached sales as often
        // as anyone liked
        assertThat(call(MockServerHttpRequest.put("/r/AAAAAAAAAAAAAAAAAAAAAAAA"), "198.51.100.20"))
                .isNull();
        assertThat(call(MockServerHttpRequest.delete("/m/AAAAAAAAAAAAAAAAAAAAAAAA"), "198.51.100.20"))
                .isNull();
        assertThat(call(MockServerHttpRequest.patch("/r/AAAAAAAAAAAAAAAAAAAAAAAA"), "198.51.100.20"))
                .isNull();
        assertThat(call(MockServerHttpRequest.options("/m/AAAAAAAAAAAAAAAAAAAAAAAA"), "198.51.100.20"))
                .as("a fourth call of the minute, whatever its method")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(receipt("198.51.100.20"))
                .as("they used up the allowance the pages' GETs share")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        for (int i = 0; i < 3; i++) {
            assertThat(call(MockServerHttpRequest.head("/r/AAAAAAAAAAAAAAAAAAAAAAAA"), "198.51.100.21"))
                    .isNull();
        }
        assertThat(call(MockServerHttpRequest.delete("/r/AAAAAAAAAAAAAAAAAAAAAAAA"), "198.51.100.21"))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(passed.get())
                .as("only the calls within the allowance went on")
                .isEqualTo(6);
    }
}
