package dev.kassa.gateway;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's span of a request: its server observation's, which continues a client's {@code traceparent}. The error
 * body quotes its trace; {@link ForwardedRequestFilter} makes it the parent of the service's span.
 */
final class RequestSpan {

    private RequestSpan() {}

    /** The span, or null when the request is not observed. */
    static Span of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
    }
}
