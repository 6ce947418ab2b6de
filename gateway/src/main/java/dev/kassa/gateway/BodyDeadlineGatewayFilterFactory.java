package dev.kassa.gateway;

import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * A route whose callers need no token (the public pages: {@code BodyDeadline=${kassa.gateway.public-pages.body-wait}})
 * reads a call's whole body before the call is admitted, within {@code wait} from its headers; a body that has not
 * arrived by then is answered 408 {@code request_timeout} and the connection closed. Anyone may send such calls, so a
 * body sent a byte at a time never holds one of the route's places ({@link AdmissionGatewayFilterFactory}) nor counts
 * against its breaker, nor keeps a connection and its buffers for as long as its sender likes: it goes before all the
 * route's filters, and before Spring Cloud Gateway's {@link AdaptCachedBodyGlobalFilter}, which reads the whole body of
 * every route with a breaker (for its fallback) without any deadline. The body is kept in memory for the proxied call
 * (at most the gateway's request size limit, which still holds on the bytes as they come) and released when the call
 * ends ({@code RemoveCachedBodyFilter}).
 */
@Component
class BodyDeadlineGatewayFilterFactory extends AbstractGatewayFilterFactory<BodyDeadlineGatewayFilterFactory.Config> {

    /** Just before {@link AdaptCachedBodyGlobalFilter} ({@code HIGHEST_PRECEDENCE + 1000}), which would read it first. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 999;

    private final ErrorWriter errors;

    BodyDeadlineGatewayFilterFactory(ErrorWriter errors) {
        super(Config.class);
        this.errors = errors;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("wait");
    }

    @Override
    public GatewayFilter apply(Config config) {
        Duration wait = config.getWait();
        return new OrderedGatewayFilter(deadline(wait), ORDER);
    }

    private GatewayFilter deadline(Duration wait) {
        return (exchange, chain) -> {
            ServerHttpRequest bounded = new ServerHttpRequestDecorator(exchange.getRequest()) {
                @Override
                public Flux<DataBuffer> getBody() {
                    // the whole body within the wait (a timeout on the joined body, not on each piece of it)
                    return DataBufferUtils.join(super.getBody())
                            .timeout(wait, Mono.error(() -> new ResponseStatusException(HttpStatus.REQUEST_TIMEOUT)))
                            .flux();
                }
            };
            return ServerWebExchangeUtils.cacheRequestBody(
                            exchange.mutate().request(bounded).build(), Mono::just)
                    .onErrorResume(BodyDeadlineGatewayFilterFactory::late, late -> refuse(exchange)
                            .then(Mono.<ServerHttpRequest>empty()))
                    .flatMap(
                            read -> chain.filter(exchange.mutate().request(read).build()));
        };
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        // the rest of the body may still come: the connection is not kept for another call
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return errors.write(exchange, HttpStatus.REQUEST_TIMEOUT, "request_timeout", "error.request_timeout");
    }

    /** Whether the call failed because its body did not arrive within the wait. */
    static boolean late(Throwable failure) {
        return failure instanceof ResponseStatusException status
                && status.getStatusCode().value() == HttpStatus.REQUEST_TIMEOUT.value();
    }

    public static class Config {

        private Duration wait = Duration.ofSeconds(3);

        public Duration getWait() {
            return wait;
        }

        public void setWait(Duration wait) {
            this.wait = wait;
        }
    }
}
