package dev.kassa.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;

/** Unknown routes, wrong methods and unexpected failures at the gateway answer in the error body too. */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ErrorWriter errors;

    GatewayErrorHandler(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            // the answer is on its way: nothing more can be said (writing headers now fails on a read-only response)
            return Mono.error(ex);
        }
        // a service that could not be reached or broke the connection (a route without a breaker: the API
        // documentation)
        HttpStatusCode status = ex instanceof ResponseStatusException rse
                ? rse.getStatusCode()
                : ex instanceof IOException || ex.getCause() instanceof IOException
                        ? HttpStatus.SERVICE_UNAVAILABLE
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        return switch (status.value()) {
            case 404 -> errors.write(
                    exchange,
                    HttpStatus.NOT_FOUND,
                    "not_found",
                    "error.route_not_found",
                    exchange.getRequest().getPath().value());
            case 405 -> errors.write(
                    exchange,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method_not_allowed",
                    "error.method_not_allowed",
                    exchange.getRequest().getMethod().name());
            case 413 -> errors.write(
                    exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "error.payload_too_large");
            case 415 -> errors.write(
                    exchange,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "error.unsupported_media_type",
                    "?");
            case 503 -> errors.write(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "error.service_unavailable", "?");
            default -> {
                if (status.is4xxClientError()) {
                    yield errors.write(exchange, HttpStatus.BAD_REQUEST, "invalid", "error.invalid");
                }
                log.error(
                        "Unexpected gateway error on {}", exchange.getRequest().getPath(), ex);
                yield errors.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "error.internal");
            }
        };
    }
}
