package dev.kassa.gateway;

import dev.kassa.platform.discovery.RecentFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Sends a call that could not be delivered to another instance of the service: when the connection to the chosen instance
 * is refused or not made in time, nothing was sent, so the call is chosen and sent again (up to two more instances), whatever
 * its method; the instance that failed is skipped by the load balancer for a few seconds ({@link RecentFailures}). A call
 * that may have reached the service (reset or timed out after it was sent) is repeated only when it is a read (GET,
 * HEAD, OPTIONS) or carries an {@code Idempotency-Key}, and only when the connection broke before an answer (not on a
 * timeout): the service runs a key
 * once, and a retry taking over a dead instance's claim answers what the first run committed. Such a call's body is kept
 * in memory until it is answered (at most the gateway's request size limit); a call without a key is never repeated once
 * sent (a web till's scan would be added twice).
 * <p>
 * It runs inside the route's admission place and breaker (just before the request URL is resolved, so a retry resolves
 * {@code lb://} again), so a call delivered on its second attempt is no failure of the service. The body of a call without a key
 * needs no copy: it is read only once a connection is made. Retries are counted in {@code kassa_gateway_failovers_total{route}}.
 */
@Component
class InstanceFailover implements GlobalFilter, Ordered {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Methods without an effect (RFC 9110 §9.2.1): a call of one is sent again after a broken connection. */
    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Instances tried after the first. */
    static final int OTHER_INSTANCES = 2;

    private final MeterRegistry meters;
    private final Map<String, Counter> failovers = new ConcurrentHashMap<>();

    InstanceFailover(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // a call that reached an instance which broke the connection before answering (a pod killed while it handled
        // it) goes again when repeating it is safe, never once the answer has begun to go back to the client
        Predicate<Throwable> safeAgain = failure -> !exchange.getResponse().isCommitted() && undelivered(failure);
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            // a read has no effect to repeat
            return send(exchange, chain.filter(exchange), safeAgain);
        }
        if (exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_KEY) == null) {
            return send(exchange, chain.filter(exchange), RecentFailures::isConnectFailure);
        }
        // the service runs a key once (a retry takes over the dead instance's claim and answers what the first run
        // committed), so a keyed call's body is kept to be sent again
        return ServerWebExchangeUtils.cacheRequestBody(exchange, cached -> {
            ServerWebExchange again = exchange.mutate().request(cached).build();
            return send(again, chain.filter(again), safeAgain);
        });
    }

    /** The call sent again, to the next instance the load balancer chooses, while {@code retried} says it may be. */
    private Mono<Void> send(ServerWebExchange exchange, Mono<Void> call, Predicate<Throwable> retried) {
        return call.retryWhen(Retry.max(OTHER_INSTANCES).filter(retried).doBeforeRetry(signal -> {
            ServerWebExchangeUtils.reset(exchange);
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String id = route == null ? "-" : route.getId();
            failovers
                    .computeIfAbsent(id, r -> Counter.builder("kassa.gateway.failovers")
                            .tag("route", r)
                            .description(
                                    "Calls sent to another instance after the chosen one refused the connection, or"
                                            + " broke it before answering a read or a keyed call")
                            .register(meters))
                    .increment();
        }));
    }

    /**
     * Whether a call got no answer from the instance: the connection was refused, or broken before the answer came
     * (reset, closed early). A timeout is not among them: the instance may still be running the call.
     */
    static boolean undelivered(Throwable failure) {
        if (RecentFailures.isConnectFailure(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PrematureCloseException || t instanceof AbortedException) {
                return true;
            }
            if (t instanceof IOException && !(t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
    }
}
