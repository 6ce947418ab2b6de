package dev.kassa.sales.customer;

import dev.kassa.sales.catalog.SalesProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class CustomerClientConfiguration {

    /** customer-service's refusals (a limit exceeded) are answers, not failures: they never open the breaker. */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> customerBreaker(SalesProperties properties) {
        return factory -> factory.configure(
                builder -> builder.circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .ignoreExceptions(CustomerClient.Refused.class)
                        .build()),
                "customer");
    }
}
