package dev.kassa.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Each app has its own allowance of calls a minute; employees and anonymous calls are not counted. */
class AppRateLimitTests {

    final AppRateLimit limit = new AppRateLimit(
            2,
            new ErrorWriter(new ObjectMapper(), new SimpleMeterRegistry()),
            Clock.fixed(Instant.parse("2026-11-25T09:00:30Z"), ZoneOffset.UTC));
    final AtomicInteger passed = new AtomicInteger();
    MockServerWebExchange last;

    static Authentication token(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(String.valueOf(claims.getOrDefault("sub", "7")))
                .claims(c -> c.putAll(claims))
                .build();
        return new JwtAuthenticationToken(jwt);
    }

    HttpStatus call(Authentication who) {
        last = MockServerWebExchange.from(MockServerHttpRequest.get("/api/products/products/"));
        Mono<Void> filtered = limit.filter(last, e -> {
            passed.incrementAndGet();
            return Mono.empty();
        });
        (who == null ? filtered : filtered.contextWrite(ReactiveSecurityContextHolder.withAuthentication(who))).block();
        return (HttpStatus) last.getResponse().getStatusCode();
    }

    @Test
    void anAppOverItsAllowanceIsToldWhenToComeBackAndOthersAreNotCounted() {
        Authentication delivery = token(Map.of("kassa_app", "app_delivery", "sub", "-1"));
        Authentication books = token(Map.of("kassa_app", "app_books", "sub", "-2"));
        call(delivery);
        call(delivery);
        assertThat(call(delivery)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(last.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(last.getResponse().getBodyAsString().block()).contains("\"code\":\"rate_limited\"");
        assertThat(passed.get()).isEqualTo(2);
        call(books);
        assertThat(passed.get()).as("another app has its own allowance").isEqualTo(3);
        Authentication cashier = token(Map.of("username", "kassir"));
        for (int i = 0; i < 5; i++) {
            call(cashier);
            call(null);
        }
        assertThat(passed.get())
                .as("employees and anonymous calls are not counted here")
                .isEqualTo(13);
    }
}
