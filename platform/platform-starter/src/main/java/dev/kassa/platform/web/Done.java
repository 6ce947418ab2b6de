package dev.kassa.platform.web;

import dev.kassa.platform.error.Messages;

/** The seed API's answer to an action that returns nothing: {@code {"status": "success", "message": "…"}}. */
public record Done(String status, String message) {

    /** The message of {@code messageKey} in the caller's language. */
    public static Done of(String messageKey) {
        return new Done("success", Messages.get(messageKey));
    }
}
