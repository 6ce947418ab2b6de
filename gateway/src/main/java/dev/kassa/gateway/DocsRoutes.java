package dev.kassa.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

@Configuration(proxyBeanMethods = false)
class DocsRoutes {

    /**
     * ReDoc at /redoc/ (every service's OpenAPI, chosen in the page), /swagger/ → Swagger UI, and the events' AsyncAPI
     * contract at /api-docs/events, beside the services' OpenAPI documents at /api-docs/{service}.
     */
    @Bean
    RouterFunction<ServerResponse> docs() {
        ClassPathResource redoc = new ClassPathResource("static/redoc/index.html");
        ClassPathResource events = new ClassPathResource("kassa/asyncapi.json");
        return route(GET("/redoc").or(GET("/redoc/")), r -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .bodyValue(redoc))
                .andRoute(GET("/api-docs/events").or(GET("/api-docs/events/")), r -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(events))
                .andRoute(GET("/swagger/"), r -> ServerResponse.temporaryRedirect(URI.create("/swagger"))
                        .build());
    }
}
