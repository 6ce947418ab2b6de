package dev.kassa.analytics;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of analytics-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw AnalyticsErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum AnalyticsErrors implements KassaError {
    REPORT_NOT_FOUND(404, "not_found", "analytics.report_not_found"),
    NO_OWNED_STORES(404, "not_found", "analytics.no_owned_stores"),
    WEBHOOK_NOT_FOUND(404, "not_found", "webhooks.not_found"),
    DELIVERY_NOT_FOUND(404, "not_found", "webhooks.delivery_not_found"),
    /** The store has as many subscriptions as it may ({@code kassa.webhooks.max-subscriptions}). */
    WEBHOOK_LIMIT(409, "subscription_limit_reached", "webhooks.limit_reached");

    private final Definition definition;

    AnalyticsErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
