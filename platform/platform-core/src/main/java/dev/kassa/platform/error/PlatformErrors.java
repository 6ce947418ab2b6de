package dev.kassa.platform.error;

/** The errors every service can answer, raised by the platform itself or by any service. */
public enum PlatformErrors implements KassaError {
    INVALID(400, "invalid", "error.invalid"),
    INVALID_PARAMETER(400, "invalid", "error.invalid_parameter"),
    MISSING_PARAMETER(400, "invalid", "error.missing_parameter"),
    PARSE_ERROR(400, "parse_error", "error.parse_error"),
    INVALID_HEADER(400, "invalid_header", "error.invalid_header"),
    MISSING_HEADER(400, "missing_header", "error.missing_header"),
    MISSING_TENANT_KEY(400, "missing_tenant_key", "error.missing_tenant_key"),
    INVALID_IDEMPOTENCY_KEY(400, "invalid_idempotency_key", "error.invalid_idempotency_key"),
    NOT_AUTHENTICATED(401, "not_authenticated", "error.not_authenticated"),
    TOKEN_NOT_VALID(401, "token_not_valid", "error.token_not_valid"),
    TOKEN_REVOKED(401, "token_revoked", "error.token_revoked"),
    PERMISSION_DENIED(403, "permission_denied", "error.permission_denied"),
    NOT_A_MEMBER(403, "not_a_member", "error.not_a_member"),
    INTERNAL_ONLY(403, "internal_only", "error.internal_only"),
    NOT_FOUND(404, "not_found", "error.not_found"),
    ROUTE_NOT_FOUND(404, "not_found", "error.route_not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "error.method_not_allowed"),
    NOT_ACCEPTABLE(406, "not_acceptable", "error.not_acceptable"),
    CONFLICT(409, "conflict", "error.conflict"),
    REQUEST_IN_PROGRESS(409, "request_in_progress", "error.request_in_progress"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency_key_reused", "error.idempotency_key_reused"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "error.payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "error.unsupported_media_type"),
    FILE_TOO_LARGE(413, "file_too_large", "error.file_too_large"),
    UNSUPPORTED_FILE_TYPE(415, "unsupported_media_type", "error.unsupported_file_type"),
    FILE_NOT_FOUND(404, "not_found", "error.file_not_found"),
    TOO_MANY_STREAMS(429, "too_many_streams", "error.too_many_streams"),
    STORAGE_UNAVAILABLE(503, "storage_unavailable", "error.storage_unavailable"),
    DATABASE_UNAVAILABLE(503, "database_unavailable", "error.database_unavailable"),
    INTERNAL_ERROR(500, "internal_error", "error.internal");

    private final Definition definition;

    PlatformErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
