package dev.kassa.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * CORS for browser tills and back offices, before anything else the gateway does: every answer to an allowed origin
 * carries the CORS headers, the gateway's own refusals included (401, 403, 400, 404, 413, 429, 503), so a browser
 * client sees the 401 and refreshes its token instead of a network error; preflights are answered on every route.
 * Allowed origins come from {@code KASSA_CORS_ORIGINS} (patterns; local development origins by default). Another
 * origin gets no CORS header at all and 403 {@code cors_rejected} in the error body.
 */
@Component
@Order(-400)
class CorsFilter implements WebFilter {

    private final CorsConfiguration config = new CorsConfiguration();
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ErrorWriter errors;

    CorsFilter(GatewayProperties properties, ErrorWriter errors) {
        this.errors = errors;
        config.setAllowedOriginPatterns(properties.corsOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(
                "Authorization", "Content-Type", "X-Tenant-Key", "Accept-Language", "Idempotency-Key", "Accept"));
        config.setExposedHeaders(List.of("Retry-After", "Content-Disposition"));
        config.setMaxAge(3600L);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(config, exchange)) {
            return errors.write(exchange, HttpStatus.FORBIDDEN, "cors_rejected", "error.cors_rejected");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
