package dev.kassa.gateway;

import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.WebFilter;

import java.util.Locale;

/** Request size limit, security headers and stripping of internal headers a client must not set. */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    /** Runs before security: a too-large body is refused without reading it. */
    @Bean
    @Order(-300)
    WebFilter requestSizeLimit(GatewayProperties properties, ErrorWriter errors) {
        return (exchange, chain) -> {
            long length = exchange.getRequest().getHeaders().getContentLength();
            if (length > properties.maxRequestBytes()) {
                return errors.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.payload_too_large");
            }
            return chain.filter(exchange);
        };
    }

    @Bean
    @Order(-299)
    WebFilter securityHeaders() {
        return (exchange, chain) -> {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders h = exchange.getResponse().getHeaders();
                h.set("X-Content-Type-Options", "nosniff");
                h.set("X-Frame-Options", "DENY");
                h.set("Referrer-Policy", "no-referrer");
                h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                return reactor.core.publisher.Mono.empty();
            });
            return chain.filter(exchange);
        };
    }

    /** Headers of the X-Kassa-* and X-Internal-* families are ours; a client-sent one never reaches a service. */
    @Bean
    GlobalFilter stripInternalHeaders() {
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.keySet().removeIf(name -> {
                String n = name.toLowerCase(Locale.ROOT);
                return n.startsWith("x-kassa-") || n.startsWith("x-internal-");
            })).build();
            return chain.filter(exchange.mutate().request(request).build());
        };
    }
}
