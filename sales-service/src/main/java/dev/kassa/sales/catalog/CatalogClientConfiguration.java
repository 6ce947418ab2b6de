package dev.kassa.sales.catalog;

import dev.kassa.platform.calls.ServiceCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder() {
        return RestClient.builder();
    }

    /**
     * {@code lb://catalog-service} resolves through Eureka; a plain URL is called directly. A pool of kept-alive
     * connections at least as large as the calls admitted at once (HttpURLConnection keeps five at most, so busy tills paid
     * a new connection per scan).
     */
    @Bean
    RestClient catalogRestClient(
            SalesProperties properties,
            @LoadBalanced RestClient.Builder loadBalanced,
            ObjectProvider<ObservationRegistry> observations) {
        return ServiceCalls.client(
                properties.catalogUrl(),
                loadBalanced,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                properties.catalogTimeout(),
                Math.max(16, 2 * properties.catalogMaxConcurrentCalls()));
    }

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> catalogBreaker(SalesProperties properties) {
        return factory -> factory.configure(
                builder -> builder.circuitBreakerConfig(CircuitBreakerConfig.custom()
                        // a busy catalog is slow, not down: the breaker opens on half of the last 50 calls failing, not
                        // on a few
                        // timeouts under load (a window of 20 opened it for every till of a saturated store)
                        .slidingWindowSize(50)
                        .minimumNumberOfCalls(20)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .ignoreExceptions(CatalogFailures.CatalogRejected.class)
                        .build()),
                "catalog");
    }
}
