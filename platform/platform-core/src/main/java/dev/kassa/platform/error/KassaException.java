package dev.kassa.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one exception of a named error ({@link KassaError}). The platform maps it once to the error body: the error's
 * HTTP status, its stable code and its message resolved in the caller's language with the arguments given (Russian by
 * default). Code raises errors by name ({@code SalesErrors.SESSION_NOT_OPEN.exception()}); there is no way to make one
 * from a status and a string, except {@link #relayed} for an error another Kassa service answered.
 */
public class KassaException extends RuntimeException {

    private final KassaError error;
    private final int status;
    private final String code;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, List<String>> fieldErrors;
    private final Map<String, Object> details;
    /** The message keys of {@link #fieldErrors}, field by field: what a caller that keeps errors (an import) records. */
    private Map<String, List<String>> fieldCodes = Map.of();

    KassaException(
            KassaError error, Map<String, List<String>> fieldErrors, Map<String, Object> details, Object... args) {
        this(error, error.status(), error.code(), error.messageKey(), fieldErrors, details, args);
    }

    private KassaException(
            KassaError error,
            int status,
            String code,
            String messageKey,
            Map<String, List<String>> fieldErrors,
            Map<String, Object> details,
            Object... args) {
        super(code + ": " + messageKey);
        this.error = error;
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
        this.fieldErrors = fieldErrors;
        this.details = withoutEnvelopeKeys(details);
    }

    /** The keys of the error body's envelope (brief §7); an error's details never replace them. */
    public static final Set<String> ENVELOPE_KEYS = Set.of("status", "code", "message", "errors", "trace_id");

    private static Map<String, Object> withoutEnvelopeKeys(Map<String, Object> details) {
        for (String key : details.keySet()) {
            if (ENVELOPE_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "An error's details cannot replace the error body's \"" + key + "\"");
            }
        }
        return details;
    }

    /** The named error; null only for {@link #relayed} errors. */
    public KassaError error() {
        return error;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
    /** Extra top-level values for the error body (e.g. available and requested quantities). */
    public Map<String, Object> details() {
        return details;
    }

    /** Whether this is the named error {@code error}. */
    public boolean is(KassaError error) {
        return this.error == error;
    }

    /** A 400 {@code invalid} with resolved per-field messages (see {@link FieldErrors}). */
    public static KassaException invalid(Map<String, List<String>> fieldErrors) {
        return new KassaException(PlatformErrors.INVALID, new LinkedHashMap<>(fieldErrors), Map.of());
    }

    /** As {@link #invalid(Map)}, with each message's key ({@link #fieldCodes}). */
    static KassaException invalid(Map<String, List<String>> fieldErrors, Map<String, List<String>> codes) {
        KassaException e = invalid(fieldErrors);
        e.fieldCodes = Map.copyOf(codes);
        return e;
    }

    /**
     * The message key of each field's messages, in the same order (empty when the error was not raised by
     * {@link FieldErrors}): stable codes such as {@code catalog.barcode_taken} beside the worded messages.
     */
    public Map<String, List<String>> fieldCodes() {
        return fieldCodes;
    }

    /**
     * An error another Kassa service answered, passed on as it came: its status and code are that service's (listed in
     * its OpenAPI) and its message is already in the caller's language (the "key" resolves to itself).
     */
    public static KassaException relayed(
            int status,
            String code,
            String message,
            Map<String, List<String>> fieldErrors,
            Map<String, Object> details) {
        return new KassaException(null, status, code, message, fieldErrors, details);
    }
}
