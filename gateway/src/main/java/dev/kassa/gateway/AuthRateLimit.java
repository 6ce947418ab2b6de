package dev.kassa.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Rate limit of the public auth routes (login, PIN login, registration, token refresh, an app's client-credentials
 * grant) per client address:
 * {@code kassa.gateway.auth-rate-limit} requests per minute, then 429 {@code rate_limited} in the error body with
 * Retry-After. Behind {@code kassa.gateway.trusted-proxy-hops} proxies (an ingress: 1) the client is the address they
 * put into X-Forwarded-For. Counted in memory per gateway instance (auth's own per-username/address lockouts are shared in the
 * database); Spring Cloud Gateway's RequestRateLimiter needs Redis and answers with an empty body.
 */
@Component
@Order(-298)
class AuthRateLimit implements WebFilter {

    private static final PathPatterns LIMITED = new PathPatterns(List.of(
            "/api/users/auth/login/**",
            "/api/users/auth/login",
            "/api/users/auth/pin-login/**",
            "/api/users/auth/pin-login",
            "/api/users/auth/register/**",
            "/api/users/auth/register",
            "/api/users/auth/token/refresh/**",
            "/api/users/auth/token/refresh",
            "/api/users/oauth/token/**",
            "/api/users/oauth/token"));

    private final MinuteWindows windows;
    private final GatewayProperties properties;
    private final ErrorWriter errors;
    private final RemoteAddressResolver addresses;

    @Autowired
    AuthRateLimit(GatewayProperties properties, ErrorWriter errors) {
        this(properties, errors, Clock.systemUTC());
    }

    AuthRateLimit(GatewayProperties properties, ErrorWriter errors, Clock clock) {
        this.properties = properties;
        this.errors = errors;
        this.windows = new MinuteWindows(clock);
        // behind an ingress or load balancer every request comes from the proxy: count the client it names instead
        this.addresses = ForwardedRequestFilter.clientResolver(properties);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !LIMITED.matches(path)) {
            return chain.filter(exchange);
        }
        long retryAfter = windows.count(ForwardedRequestFilter.client(addresses, exchange), properties.authRateLimit());
        if (retryAfter > 0) {
            exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
            return errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "error.rate_limited");
        }
        return chain.filter(exchange);
    }
}
