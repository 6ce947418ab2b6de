package dev.kassa.platform.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.Set;

/**
 * A hot path's request as the call would bring it: read from its JSON with the service's object mapper and validated as a
 * controller's {@code @Valid} body is; an invalid one fails the path (the warm-up's requests are the service's own).
 */
public class WarmUpRequests {

    private final ObjectMapper json;
    private final Validator validator;

    public WarmUpRequests(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(String body, Class<T> type) throws IOException {
        T request = json.readValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the warm-up's " + type.getSimpleName() + " is not valid: " + violations);
        }
        return request;
    }

    /** The answer as the call would write it. */
    public byte[] write(Object answer) throws IOException {
        return json.writeValueAsBytes(answer);
    }
}
