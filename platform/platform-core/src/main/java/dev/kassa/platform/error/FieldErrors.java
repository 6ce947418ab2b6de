package dev.kassa.platform.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects per-field errors (message keys resolved in the caller's language); {@link #throwIfAny()} raises a 400 {@code invalid}. */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String messageKey, Object... args) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(Messages.get(messageKey, args));
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, List<String>> asMap() {
        return errors;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors);
        }
    }

    public static KassaException single(String field, String messageKey, Object... args) {
        return KassaException.invalid(new FieldErrors().add(field, messageKey, args).asMap());
    }
}
