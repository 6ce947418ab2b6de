package dev.kassa.sales.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
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
        // the JDK client keeps a pool of open connections per catalog instance (HttpURLConnection keeps five at most, so busy tills
        // paid a new connection per scan)
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build());
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
                        // a busy catalog is slow, not down: the breaker opens on half of the last 50 calls failing, not on a few
                        // timeouts under load (a window of 20 opened it for every till of a saturated store)
                        .slidingWindowSize(50)
                        .minimumNumberOfCalls(20)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(5))
                        .ignoreExceptions(CatalogClient.CatalogRejected.class)
                        .build()), "catalog");
    }
}
