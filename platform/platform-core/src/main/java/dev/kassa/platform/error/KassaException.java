package dev.kassa.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of every named domain exception. The platform maps it once to the error body:
 * {@code status} is the HTTP status, {@code code} the stable machine code, and the message is
 * resolved from the message bundles with {@code messageKey} and {@code args} (Russian by default).
 */
public class KassaException extends RuntimeException {

    private final int status;
    private final String code;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, List<String>> fieldErrors;
    private final Map<String, Object> details;

    public KassaException(int status, String code, String messageKey, Object... args) {
        this(status, code, messageKey, Map.of(), Map.of(), args);
    }

    public KassaException(int status, String code, String messageKey, Map<String, List<String>> fieldErrors,
                          Map<String, Object> details, Object... args) {
        super(code + ": " + messageKey);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = fieldErrors;
        this.details = details;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
    public Map<String, List<String>> fieldErrors() { return fieldErrors; }
    /** Extra top-level values for the error body (e.g. available and requested quantities). */
    public Map<String, Object> details() { return details; }

    public static KassaException notFound(String messageKey, Object... args) {
        return new KassaException(404, "not_found", messageKey, args);
    }

    public static KassaException badRequest(String code, String messageKey, Object... args) {
        return new KassaException(400, code, messageKey, args);
    }

    /** A 400 {@code invalid} with resolved per-field messages (see {@link FieldErrors}). */
    public static KassaException invalid(Map<String, List<String>> fieldErrors) {
        return new KassaException(400, "invalid", "error.invalid", new LinkedHashMap<>(fieldErrors), Map.of());
    }
}
