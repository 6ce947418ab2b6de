package dev.kassa.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.platform.error.Messages;

/**
 * The seed API's answer to an action: {@code {"status": "success", "message": "…", "data": …}} ({@code message} left
 * out when there is none; {@code data} may be null). Typed, so each operation's OpenAPI shows what its {@code data} is.
 */
public record Success<T>(String status, @JsonInclude(JsonInclude.Include.NON_NULL) String message, T data) {

    /** An answer with no message. */
    public static <T> Success<T> of(T data) {
        return new Success<>("success", null, data);
    }

    /** An answer with the message of {@code messageKey} in the caller's language. */
    public static <T> Success<T> of(String messageKey, T data) {
        return new Success<>("success", Messages.get(messageKey), data);
    }
}
