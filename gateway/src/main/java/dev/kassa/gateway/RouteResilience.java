package dev.kassa.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How each route's circuit breaker is shaped (Spring Cloud CircuitBreaker with resilience4j). A shop's tills make many
 * short concurrent calls, so:
 * <ul>
 *   <li>how many calls a route forwards at once is the route's admission queue's business
 *       ({@link AdmissionGatewayFilterFactory}, before the breaker), so the library's bulkhead is off
 *       ({@code spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled}): its default of 25 with no wait once turned
 *       the 26th till into a 503 for everyone, and a refusal of the gateway's own limit must never open a breaker;</li>
 *   <li>the breaker opens only on the service failing (connection refused, reset, time limit): slow answers under load
 *       do not count as failures;</li>
 *   <li>the time limit ({@code kassa.gateway.route-timeout}) is the longest a proxied call may take: the HTTP client's
 *       response timeout, whose 504 the breaker counts as a failure. The library's time limiter is off
 *       ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): it scheduled a second timer per call for
 *       the same limit on Reactor's parallel threads, whose wake-ups were 14 % of the gateway's CPU at the till's load
 *       (a flight recording of bench row (a)).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RouteResilience {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(GatewayProperties properties) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(50)
                        .minimumNumberOfCalls(20)
                        .failureRateThreshold(50)
                        .slowCallRateThreshold(100)
                        .slowCallDurationThreshold(properties.routeTimeout())
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .permittedNumberOfCallsInHalfOpenState(5)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        // a client's body beyond the limit is no failure of the service
                        .ignoreException(EdgeFilters::bodyTooLarge)
                        .build())
                .build());
    }
}
