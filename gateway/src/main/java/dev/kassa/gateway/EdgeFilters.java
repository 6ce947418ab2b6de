package dev.kassa.gateway;

import dev.kassa.platform.security.ServiceTokens;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Request size limit, security headers and the gateway's service credential. */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    /**
     * Runs before security: a too-large body is refused without reading it, and one sent without a length (chunked) once
     * more than the limit has passed. JSON is small (1 MiB); a multipart form (a report's photos, a product's image) may be
     * larger, each file then checked by the service's file store.
     */
    @Bean
    @Order(-300)
    WebFilter requestSizeLimit(GatewayProperties properties, ErrorWriter errors) {
        return (exchange, chain) -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            long length = headers.getContentLength();
            boolean upload = headers.getContentType() != null
                    && MediaType.MULTIPART_FORM_DATA.includes(headers.getContentType());
            long max = upload ? properties.maxUploadBytes() : properties.maxRequestBytes();
            if (length > max) {
                return errors.write(
                        exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.payload_too_large");
            }
            if (length >= 0) {
                return chain.filter(exchange);
            }
            // no length given (a chunked body): the limit holds on the bytes as they pass, and the call fails with 413
            // once they go beyond it (GatewayErrorHandler answers it while nothing has been answered yet)
            ServerHttpRequest bounded = new ServerHttpRequestDecorator(exchange.getRequest()) {
                @Override
                public Flux<DataBuffer> getBody() {
                    AtomicLong read = new AtomicLong();
                    return super.getBody().doOnNext(buffer -> {
                        if (read.addAndGet(buffer.readableByteCount()) > max) {
                            DataBufferUtils.release(buffer);
                            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
                        }
                    });
                }
            };
            return chain.filter(exchange.mutate().request(bounded).build());
        };
    }

    /**
     * Whether a proxied call failed because its body went beyond the limit on the way ({@link #requestSizeLimit}): the
     * client's doing, answered 413 and never counted against the service by its route's breaker.
     */
    static boolean bodyTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first filter of all, so that every answer carries them, the gateway's own refusals (CORS, size) included. A page
     * a service renders on a route whose metadata says {@code own-content-security-policy: true} (the public pages) keeps
     * the policy the service sent with it, a fresh nonce for its own style per answer; the gateway's applies where the
     * service sent none (its JSON answers, the gateway's own refusals), never to a 304 of such a route (a browser would
     * put it over the policy of the page it keeps, whose nonce it no longer names).
     */
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
                if (!pagePolicy(exchange)) {
                    h.set(
                            CONTENT_SECURITY_POLICY,
                            contentSecurityPolicy(
                                    exchange.getRequest().getPath().value()));
                }
                return Mono.empty();
            });
            return chain.filter(exchange);
        };
    }

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** The metadata of a route whose service's pages bring their own Content-Security-Policy. */
    static final String OWN_POLICY = "own-content-security-policy";

    /** Whether the answer is a page of a route that keeps its own policy: one the service sent, or its 304. */
    static boolean pagePolicy(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !"true".equals(String.valueOf(route.getMetadata().get(OWN_POLICY)))) {
            return false;
        }
        ServerHttpResponse response = exchange.getResponse();
        return response.getHeaders().containsKey(CONTENT_SECURITY_POLICY)
                || response.getStatusCode() != null && response.getStatusCode().value() == 304;
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
