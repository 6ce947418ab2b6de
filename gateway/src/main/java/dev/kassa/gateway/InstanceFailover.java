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
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a call that could not be delivered to another instance of the service: when the connection to the chosen instance
 * is refused or not made in time, nothing was sent, so the call is chosen and sent again (up to two more instances), whatever
 * its method; the instance that failed is skipped by the load balancer for a few seconds ({@link RecentFailures}). A call
 * that may have reached the service (reset or timed out after it was sent) is never repeated: a checkout is safe to repeat
 * only with its Idempotency-Key, and that is the till's to send.
 * <p>
 * It runs inside the route's admission place and breaker (just before the request URL is resolved, so a retry resolves
 * {@code lb://} again), so a call delivered on its second attempt is no failure of the service. The request body needs no
 * copy: it is read only once a connection is made. Retries are counted in {@code kassa_gateway_failovers_total{route}}.
 */
@Component
class InstanceFailover implements GlobalFilter, Ordered {

    /** Instances tried after the first. */
    static final int OTHER_INSTANCES = 2;

    private final MeterRegistry meters;
    private final Map<String, Counter> failovers = new ConcurrentHashMap<>();

    InstanceFailover(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .retryWhen(Retry.max(OTHER_INSTANCES)
                        .filter(RecentFailures::isConnectFailure)
                        .doBeforeRetry(signal -> {
                            ServerWebExchangeUtils.reset(exchange);
                            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                            String id = route == null ? "-" : route.getId();
                            failovers
                                    .computeIfAbsent(id, r -> Counter.builder("kassa.gateway.failovers")
                                            .tag("route", r)
                                            .description(
                                                    "Calls sent to another instance after the chosen one refused the connection")
                                            .register(meters))
                                    .increment();
                        }));
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
    }
}
