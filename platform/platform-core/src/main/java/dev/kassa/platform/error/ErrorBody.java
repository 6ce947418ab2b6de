package dev.kassa.platform.error;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The single error body of every Kassa response (design brief §7):
 * {@code {"status":"error","code":"…","message":"…","errors":{"field":["…"]},"trace_id":"…"}}.
 */
public record ErrorBody(
        String status,
        String code,
        String message,
        Map<String, List<String>> errors,
        @JsonProperty("trace_id") String traceId) {

    public static ErrorBody of(String code, String message, Map<String, List<String>> errors, String traceId) {
        return new ErrorBody("error", code, message, errors == null ? Map.of() : errors, traceId);
    }
}
