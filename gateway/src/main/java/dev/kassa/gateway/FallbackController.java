package dev.kassa.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker sends the calls it did not complete (a body that went beyond the limit on the way: 413):
 * a fast 503 {@code service_unavailable} in the error
 * body with Retry-After when the service failed, timed out or its breaker is open (a call the route's admission queue
 * refused never gets here: {@link AdmissionGatewayFilterFactory} answers it). Counted and logged by {@link Refusals}.
 */
@RestController
class FallbackController {

    private final ErrorWriter errors;
    private final Refusals refusals;

    FallbackController(ErrorWriter errors, Refusals refusals) {
        this.errors = errors;
        this.refusals = refusals;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        String route = service.replaceAll("[^a-z-]", "");
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (EdgeFilters.bodyTooLarge(cause)) {
            // the client's chunked body went beyond the limit on the way: its refusal, not the service's
            return exchange.getResponse().isCommitted()
                    ? Mono.empty()
                    : errors.write(
                            exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.payload_too_large");
        }
        String reason =
                cause instanceof CallNotPermittedException ? "breaker_open" : timedOut(cause) ? "timeout" : "failed";
        refusals.record(route, reason, cause == null ? "-" : cause.toString());
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        try {
            exchange.getResponse().getHeaders().set("Retry-After", "5");
        } catch (UnsupportedOperationException readOnly) {
            // the upstream answer had already begun: its headers can no longer change
        }
        return errors.write(
                exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "error.service_unavailable", route);
    }

    /** The route's response timeout (NettyRoutingFilter's 504) or any timeout behind it. */
    private static boolean timedOut(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException status
                            && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }
}
