package dev.kassa.gateway;

import dev.kassa.platform.security.KassaClaims;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Rate limit per app (a store's partner integration with client credentials, issue 38): {@code kassa.gateway.app-rate-limit}
 * calls per minute for each app's client id, then 429 {@code rate_limited} in the error body with Retry-After, so one
 * partner's runaway sync cannot take a store's tills' share. Employees' calls are not counted here. Per gateway instance
 * ({@link MinuteWindows}).
 */
class AppRateLimit implements WebFilter {

    private final MinuteWindows windows;
    private final int limit;
    private final ErrorWriter errors;

    AppRateLimit(int limit, ErrorWriter errors, Clock clock) {
        this.limit = limit;
        this.errors = errors;
        this.windows = new MinuteWindows(clock);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                                && token.getToken().hasClaim(KassaClaims.APP)
                        ? token.getToken().getClaimAsString(KassaClaims.APP)
                        : "")
                .defaultIfEmpty("")
                .flatMap(app -> {
                    long retryAfter = app.isEmpty() ? 0 : windows.count(app, limit);
                    if (retryAfter > 0) {
                        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
                        return errors.write(
                                exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "error.rate_limited");
                    }
                    return chain.filter(exchange);
                });
    }
}
