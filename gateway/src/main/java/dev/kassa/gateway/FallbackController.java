package dev.kassa.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends requests while its service is down or unreachable. */
@RestController
class FallbackController {

    private final ErrorWriter errors;

    FallbackController(ErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "error.service_unavailable",
                service.replaceAll("[^a-z-]", ""));
    }
}
