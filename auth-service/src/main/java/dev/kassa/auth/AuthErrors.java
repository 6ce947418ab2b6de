package dev.kassa.auth;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of auth-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw AuthErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum AuthErrors implements KassaError {
    NO_ACCOUNT(400, "no_account", "employee.no_account"),
    BAD_CREDENTIALS(401, "authentication_failed", "auth.bad_credentials"),
    BAD_PIN(401, "authentication_failed", "auth.bad_pin"),
    REFRESH_INVALID(401, "token_not_valid", "auth.refresh_invalid"),
    OWN_PROFILE_ONLY(403, "permission_denied", "employee.own_profile_only"),
    EMPLOYEE_NOT_FOUND(404, "not_found", "employee.not_found"),
    PIN_LOCKED(423, "pin_locked", "auth.pin_locked"),
    TOO_MANY_ATTEMPTS(429, "too_many_attempts", "auth.too_many_attempts"),
    APP_NOT_FOUND(404, "not_found", "app.not_found"),
    INVALID_CLIENT(401, "invalid_client", "app.invalid_client"),
    UNSUPPORTED_GRANT_TYPE(400, "unsupported_grant_type", "app.unsupported_grant_type"),
    INVALID_SCOPE(400, "invalid_scope", "app.invalid_scope");

    private final Definition definition;

    AuthErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
