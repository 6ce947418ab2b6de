package dev.kassa.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.ErrorBody;
import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.KassaException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds and writes the single error body. Used by the exception handler, the JSON error controller
 * and the security filters, so every failure looks the same.
 */
public class ErrorResponses {

    private final MessageSource messages;
    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;

    public ErrorResponses(MessageSource messages, ObjectMapper objectMapper) {
        this(messages, objectMapper, new SimpleMeterRegistry());
    }

    public ErrorResponses(MessageSource messages, ObjectMapper objectMapper, MeterRegistry meters) {
        this.messages = messages;
        this.objectMapper = objectMapper;
        this.meters = meters;
    }

    /** The body of an error answer; each one counts in {@code kassa_errors_total{code}} (the dashboards' errors by code). */
    public ErrorBody body(String code, String messageKey, Object[] args, Map<String, List<String>> errors) {
        meters.counter("kassa.errors", "code", code).increment();
        return ErrorBody.of(code, message(messageKey, args), errors, traceId());
    }

    /**
     * The body of a refusal as the API answers it: the single error body with the refusal's own details beside it
     * ({@code available}, {@code retry_after}, …), the trace id last.
     */
    public Map<String, Object> body(KassaException e) {
        ErrorBody body = body(e.code(), e.messageKey(), e.args(), e.fieldErrors());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", body.status());
        json.put("code", body.code());
        json.put("message", body.message());
        json.put("errors", body.errors());
        e.details().forEach(json::putIfAbsent);
        json.put("trace_id", body.traceId());
        return json;
    }

    /** The body of a named error. */
    public ErrorBody body(KassaError error, Object[] args, Map<String, List<String>> errors) {
        return body(error.code(), error.messageKey(), args, errors);
    }

    public String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    public void write(HttpServletResponse response, int status, String code, String messageKey, Object... args)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body(code, messageKey, args, Map.of()));
    }

    /** Writes a named error straight to the response (filters, before any controller). */
    public void write(HttpServletResponse response, KassaError error, Object... args) throws IOException {
        write(response, error.status(), error.code(), error.messageKey(), args);
    }

    public static String traceId() {
        String id = MDC.get("traceId");
        return id != null ? id : UUID.randomUUID().toString().replace("-", "");
    }
}
