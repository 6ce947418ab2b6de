package dev.kassa.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.ErrorBody;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

/** Writes the single error body of brief §7 from the gateway, in Russian or (Accept-Language: en) English. */
@Component
public class ErrorWriter {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;

    ErrorWriter(ObjectMapper objectMapper, MeterRegistry meters) {
        this.objectMapper = objectMapper;
        this.meters = meters;
    }

    public Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String code, String messageKey, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        meters.counter("kassa.errors", "code", code).increment();
        ErrorBody body = ErrorBody.of(code, message(exchange, messageKey, args), Map.of(), traceId(exchange));
        try {
            byte[] bytes = objectMapper.writeValueAsBytes(body);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    /**
     * The trace this request is recorded under (the client's {@code traceparent} continued, or the one the gateway
     * started), so that the id a user quotes finds the gateway's span and every service's; a fresh id only when the
     * request has no observation at all.
     */
    static String traceId(ServerWebExchange exchange) {
        Span span = RequestSpan.of(exchange);
        if (span != null && !span.context().traceId().isBlank()) {
            return span.context().traceId();
        }
        String parent = exchange.getRequest().getHeaders().getFirst("traceparent");
        if (parent != null && parent.length() == 55 && parent.charAt(2) == '-' && parent.charAt(35) == '-') {
            return parent.substring(3, 35);
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String message(ServerWebExchange exchange, String key, Object... args) {
        String language = exchange.getRequest().getHeaders().getFirst("Accept-Language");
        Locale locale =
                language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : RUSSIAN;
        ResourceBundle bundle = ResourceBundle.getBundle(
                "kassa/platform-messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
