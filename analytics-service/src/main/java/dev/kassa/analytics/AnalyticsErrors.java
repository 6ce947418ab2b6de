package dev.kassa.analytics;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of analytics-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw AnalyticsErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum AnalyticsErrors implements KassaError {
    REPORT_NOT_FOUND(404, "not_found", "analytics.report_not_found"),
    NO_OWNED_STORES(404, "not_found", "analytics.no_owned_stores");

    private final int status;
    private final String code;
    private final String messageKey;

    AnalyticsErrors(int status, String code, String messageKey) {
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }
}
