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

    /** ReDoc at /redoc/ (every service's OpenAPI, chosen in the page) and /swagger/ → Swagger UI. */
    @Bean
    RouterFunction<ServerResponse> docs() {
        ClassPathResource redoc = new ClassPathResource("static/redoc/index.html");
        return route(GET("/redoc").or(GET("/redoc/")), r -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .bodyValue(redoc))
                .andRoute(GET("/swagger/"), r -> ServerResponse.temporaryRedirect(URI.create("/swagger"))
                        .build());
    }
}
