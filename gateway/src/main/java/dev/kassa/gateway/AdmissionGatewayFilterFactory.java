package dev.kassa.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A route's admission: at most {@code kassa.gateway.max-concurrent-calls} calls of the route are forwarded at once; the
 * next ones wait their turn in arrival order, without holding a thread, up to {@code kassa.gateway.queue-wait} and at
 * most {@code kassa.gateway.max-queued-calls} of them, and beyond that get a fast 503 {@code overloaded} with
 * {@code Retry-After: 1}.
 * <p>
 * Why a queue in front of the services: a 2-core suite sells the most with a few dozen calls in flight; a hundred tills
 * let in at once cost every service (threads, connection pools, row locks) more per sale, so sales per second fell as
 * tills were added. Waiting here costs nothing but the open connection ({@link RouteQueue}: no thread is held). The
 * resilience4j bulkhead it replaces could only refuse at once or wait by blocking the caller's thread, here one of the
 * gateway's event loops; reactor-pool 1.1.9, tried first, refused the 5th to 12th of twelve calls with four places and
 * four queue places, then handed places to calls it had refused.
 * <p>
 * Routes that share a name share one queue ({@code analytics} and the owners' multi-store view). A route may have places
 * of its own ({@code maxConcurrentCalls}, {@code maxQueuedCalls}): the public pages' route ({@code public-pages}) has a
 * few ({@code kassa.gateway.public-pages.*}), so that anonymous calls never take the tills' places. The filter sits
 * before the route's circuit breaker: time in the queue is not the service's, so it counts neither toward the route's
 * time limit nor toward its breaker. Meters: {@code kassa_gateway_admission_in_flight{route}},
 * {@code kassa_gateway_admission_queued{route}}, refusals in {@code kassa_gateway_fallbacks_total{reason="overloaded"}}.
 */
@Component
class AdmissionGatewayFilterFactory extends AbstractGatewayFilterFactory<AdmissionGatewayFilterFactory.Config> {

    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final ErrorWriter errors;
    private final Refusals refusals;
    private final Map<String, RouteQueue> queues = new ConcurrentHashMap<>();

    AdmissionGatewayFilterFactory(
            GatewayProperties properties, MeterRegistry meters, ErrorWriter errors, Refusals refusals) {
        super(Config.class);
        this.properties = properties;
        this.meters = meters;
        this.errors = errors;
        this.refusals = refusals;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("name", "maxConcurrentCalls", "maxQueuedCalls");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String route = config.getName();
        RouteQueue queue = queues.computeIfAbsent(route, name -> queue(name, config));
        return (exchange, chain) -> Mono.defer(() -> {
            RouteQueue.Ticket ticket = queue.enter();
            if (ticket == null) {
                return refuse(exchange, route, "the queue is full");
            }
            return ticket.admitted(properties.queueWait())
                    .flatMap(admitted -> admitted
                            ? chain.filter(exchange)
                            : refuse(exchange, route, "waited " + properties.queueWait() + " for a place"))
                    .doFinally(signal -> ticket.leave());
        });
    }

    private RouteQueue queue(String route, Config config) {
        int places = config.getMaxConcurrentCalls() != null
                ? config.getMaxConcurrentCalls()
                : properties.maxConcurrentCalls();
        int waiting = config.getMaxQueuedCalls() != null ? config.getMaxQueuedCalls() : properties.maxQueuedCalls();
        // no wait (queue-wait 0) is no queue: refused at once
        RouteQueue queue = new RouteQueue(places, properties.queueWait().isZero() ? 0 : waiting);
        Gauge.builder("kassa_gateway_admission_in_flight", queue, RouteQueue::inFlight)
                .tag("route", route)
                .description("calls of the route forwarded to its service and not yet answered")
                .register(meters);
        Gauge.builder("kassa_gateway_admission_queued", queue, RouteQueue::queued)
                .tag("route", route)
                .description("calls of the route waiting for a place")
                .register(meters);
        // the route's refusals at zero: its own (the queue) and its breaker's fallback's, named by the service (or as
        // the route's fallback says: /fallback/public-pages)
        refusals.expect(route, "overloaded");
        refusals.expect(
                config.getFallback() != null ? config.getFallback() : route + "-service",
                "failed",
                "timeout",
                "breaker_open");
        return queue;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String route, String why) {
        refusals.record(route, "overloaded", why);
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "error.overloaded", route);
    }

    /**
     * {@code name} the queue (routes of one name share it); {@code maxConcurrentCalls} and {@code maxQueuedCalls} its own
     * places and waiting room, when not {@code kassa.gateway.max-concurrent-calls} and {@code max-queued-calls};
     * {@code fallback} the name its breaker's refusals are counted under ({@code /fallback/{fallback}}), when not the
     * service's ({@code <name>-service}).
     */
    public static class Config {

        private String name;
        private Integer maxConcurrentCalls;
        private Integer maxQueuedCalls;
        private String fallback;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getMaxConcurrentCalls() {
            return maxConcurrentCalls;
        }

        public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
            this.maxConcurrentCalls = maxConcurrentCalls;
        }

        public Integer getMaxQueuedCalls() {
            return maxQueuedCalls;
        }

        public void setMaxQueuedCalls(Integer maxQueuedCalls) {
            this.maxQueuedCalls = maxQueuedCalls;
        }

        public String getFallback() {
            return fallback;
        }

        public void setFallback(String fallback) {
            this.fallback = fallback;
        }
    }
}
