package dev.kassa.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;
import java.time.Duration;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

@Configuration(proxyBeanMethods = false)
class DocsRoutes {

    /** ReDoc at /redoc/ (every service's OpenAPI, chosen in the page) and /swagger/ → Swagger UI. */
    @Bean
    RouterFunction<ServerResponse> docs() {
        ClassPathResource redoc = new ClassPathResource("static/redoc/index.html");
        return route(GET("/redoc").or(GET("/redoc/")), r -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(redoc))
                .andRoute(GET("/swagger/"), r -> ServerResponse.temporaryRedirect(URI.create("/swagger")).build());
    }

    /** Per-route breakers: a slow or absent service yields a 503 error body, never a hung request. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(20)).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(20).minimumNumberOfCalls(10)
                        .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(5)).build())
                .build());
    }
}
