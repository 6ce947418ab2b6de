package dev.kassa.gateway;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How each route's circuit breaker, time limit and bulkhead are shaped (Spring Cloud CircuitBreaker with resilience4j).
 * A shop's tills make many short concurrent calls, so:
 * <ul>
 *   <li>the bulkhead admits {@code kassa.gateway.max-concurrent-calls} calls per route at once (the library's default of
 *       25 turned the 26th till into a 503 for everyone); beyond that the call waits up to
 *       {@code kassa.gateway.bulkhead-wait}, then gets a fast 503 {@code overloaded} with Retry-After;</li>
 *   <li>the breaker opens only on the service failing (connection refused, reset, time limit): a bulkhead refusal is the
 *       gateway's own limit and is ignored, and slow answers under load do not count as failures;</li>
 *   <li>the time limit ({@code kassa.gateway.route-timeout}) is the longest a proxied call may take.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RouteResilience {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(GatewayProperties properties) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.routeTimeout()).cancelRunningFuture(true).build())
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
                        .ignoreExceptions(BulkheadFullException.class)
                        .build())
                .build());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(GatewayProperties properties) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrentCalls())
                        .maxWaitDuration(properties.bulkheadWait())
                        .build())
                .build());
    }
}
