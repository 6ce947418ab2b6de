package dev.kassa.gateway;

import dev.kassa.platform.security.ServiceTokens;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Request size limit, security headers and the gateway's service credential. */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    /**
     * Runs before security: a too-large body is refused without reading it. JSON is small (1 MiB); a multipart form
     * (a report's photos, a product's image) may be larger, each file then checked by the service's file store.
     */
    @Bean
    @Order(-300)
    WebFilter requestSizeLimit(GatewayProperties properties, ErrorWriter errors) {
        return (exchange, chain) -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            long length = headers.getContentLength();
            boolean upload = headers.getContentType() != null
                    && MediaType.MULTIPART_FORM_DATA.includes(headers.getContentType());
            if (length > (upload ? properties.maxUploadBytes() : properties.maxRequestBytes())) {
                return errors.write(
                        exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.payload_too_large");
            }
            return chain.filter(exchange);
        };
    }

    /** The first filter of all, so that every answer carries them, the gateway's own refusals (CORS, size) included. */
    @Bean
    @Order(-500)
    WebFilter securityHeaders() {
        return (exchange, chain) -> {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders h = exchange.getResponse().getHeaders();
                h.set("X-Content-Type-Options", "nosniff");
                h.set("X-Frame-Options", "DENY");
                h.set("Referrer-Policy", "no-referrer");
                h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
                h.set(
                        "Content-Security-Policy",
                        contentSecurityPolicy(exchange.getRequest().getPath().value()));
                return Mono.empty();
            });
            return chain.filter(exchange);
        };
    }

    /** The API answers JSON only; the documentation pages need their own scripts and styles (ReDoc's from its CDN). */
    static String contentSecurityPolicy(String path) {
        if (path.startsWith("/swagger") || path.startsWith("/webjars/")) {
            return "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        }
        if (path.startsWith("/redoc")) {
            return "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.redoc.ly; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; "
                    + "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https://cdn.redoc.ly; worker-src 'self' blob:; connect-src 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        }
        return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    @Bean
    ServiceTokens serviceTokens(GatewayProperties properties) {
        String secret = properties.serviceSecret();
        if (secret == null || secret.isBlank()) {
            LoggerFactory.getLogger(ServiceTokens.class)
                    .warn(
                            "KASSA_SERVICE_SECRET is not set: services will not believe the client addresses this gateway passes on");
            secret = ServiceTokens.randomSecret();
        }
        return new ServiceTokens(secret, "gateway", Clock.systemUTC());
    }
}
