package dev.kassa.sales.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder() {
        return RestClient.builder();
    }

    /** {@code lb://catalog-service} resolves through Eureka; a plain URL is called directly. */
    @Bean
    RestClient catalogRestClient(SalesProperties properties, @LoadBalanced RestClient.Builder loadBalanced) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(1));
        requests.setReadTimeout(properties.catalogTimeout());
        String url = properties.catalogUrl();
        RestClient.Builder builder = url.startsWith("lb://") ? loadBalanced.clone() : RestClient.builder();
        return builder.baseUrl(url.startsWith("lb://") ? "http://" + url.substring(5) : url).requestFactory(requests).build();
    }

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> catalogBreaker(SalesProperties properties) {
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.catalogTimeout().plusSeconds(1)).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .ignoreExceptions(CatalogClient.CatalogRejected.class)
                        .build()), "catalog");
    }
}
