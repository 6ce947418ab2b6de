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
import java.util.function.IntSupplier;

/**
 * Rate limits of what anyone may call without a token, per client address and minute: the auth routes (login, PIN
 * login, registration, token refresh, an app's client-credentials grant) {@code kassa.gateway.auth-rate-limit} POSTs,
 * and the public pages (a digital receipt, {@code /r/…}; a table's menu, {@code /m/…})
 * {@code kassa.gateway.public-page-rate-limit} calls of any method (a PUT, DELETE, PATCH, HEAD or OPTIONS reaches the
 * service as a GET does) and as many guests' orders ({@code POST /m/…}), each counted apart; beyond, 429
 * {@code rate_limited} in the error body with Retry-After. A browser's CORS preflight is answered before, by
 * {@link CorsFilter}, and never reaches a service. Behind {@code kassa.gateway.trusted-proxy-hops}
 * proxies (an ingress: 1) the client is the address they put into X-Forwarded-For. Counted in memory per gateway
 * instance (auth's own per-username/address lockouts are shared in the database); Spring Cloud Gateway's
 * RequestRateLimiter needs Redis and answers with an empty body.
 */
@Component
@Order(-298)
class PublicRateLimit implements WebFilter {

    /** One limit: the calls it counts (of {@code method}, or of any method when null), and its own windows. */
    private record Rule(HttpMethod method, PathPatterns paths, IntSupplier limit, MinuteWindows windows) {

        boolean counts(ServerWebExchange exchange, String path) {
            return (method == null || method.equals(exchange.getRequest().getMethod())) && paths.matches(path);
        }
    }

    private static final PathPatterns AUTH = new PathPatterns(List.of(
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

    /** Pages anyone with the link may open: their random tokens must not be tried one after another. */
    private static final PathPatterns PAGES = new PathPatterns(List.of("/r/**", "/m/**"));

    /** Guests' orders from a table's menu: no token either. */
    private static final PathPatterns GUEST_ORDERS = new PathPatterns(List.of("/m/**"));

    private final List<Rule> rules;
    private final ErrorWriter errors;
    private final RemoteAddressResolver addresses;

    @Autowired
    PublicRateLimit(GatewayProperties properties, ErrorWriter errors) {
        this(properties, errors, Clock.systemUTC());
    }

    PublicRateLimit(GatewayProperties properties, ErrorWriter errors, Clock clock) {
        this.errors = errors;
        this.rules = List.of(
                new Rule(HttpMethod.POST, AUTH, properties::authRateLimit, new MinuteWindows(clock)),
                // a guest's order from the table's menu: as many a minute, counted apart from the pages
                new Rule(HttpMethod.POST, GUEST_ORDERS, properties::publicPageRateLimit, new MinuteWindows(clock)),
                // every other call to a page, whatever its method
                new Rule(null, PAGES, properties::publicPageRateLimit, new MinuteWindows(clock)));
        // behind an ingress or load balancer every request comes from the proxy: count the client it names instead
        this.addresses = ForwardedRequestFilter.clientResolver(properties);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        for (Rule rule : rules) {
            if (rule.counts(exchange, path)) {
                long retryAfter = rule.windows()
                        .count(
                                ForwardedRequestFilter.client(addresses, exchange),
                                rule.limit().getAsInt());
                if (retryAfter > 0) {
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
                    return errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "error.rate_limited");
                }
                break;
            }
        }
        return chain.filter(exchange);
    }
}
