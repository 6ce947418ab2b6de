package dev.kassa.gateway;

import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The original web client's task page builds its paths from {@code TASKS_URL = "/tasks/"}: {@code /api/tasks/} for the list
 * and {@code /api/tasks//{id}/…}, {@code /api/tasks//my_tasks/} (an empty segment) for the rest. Those two shapes, and only
 * those, are the task API's {@code /api/tasks/tasks/…}; the path is rewritten before the firewall sees it, so the firewall
 * still refuses every other empty segment, dot segment or encoded slash, here as anywhere (a rewritten path is checked too).
 */
@Component
@Order(-600)
class LegacyTaskPaths implements WebFilter {

    static final String EMPTY_SEGMENT = "/api/tasks//";
    static final String TASKS = "/api/tasks/tasks/";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        String rewritten = rewrite(raw);
        if (rewritten == null) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request =
                exchange.getRequest().mutate().path(rewritten).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The task API's path for one of the client's two shapes, or null for any other path. */
    static String rewrite(String raw) {
        if (raw.equals("/api/tasks") || raw.equals("/api/tasks/")) {
            return TASKS;
        }
        if (raw.startsWith(EMPTY_SEGMENT)
                && raw.length() > EMPTY_SEGMENT.length()
                && raw.charAt(EMPTY_SEGMENT.length()) != '/') {
            return TASKS + raw.substring(EMPTY_SEGMENT.length());
        }
        return null;
    }
}
