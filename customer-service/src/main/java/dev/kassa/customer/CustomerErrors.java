package dev.kassa.customer;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of customer-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw CustomerErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum CustomerErrors implements KassaError {
    PHONE_REQUIRED(400, "invalid", "customer.phone_required"),
    CUSTOMER_NOT_FOUND(404, "not_found", "customer.not_found"),
    GROUP_NOT_FOUND(404, "not_found", "customer.group_not_found"),
    TRANSACTION_NOT_FOUND(404, "not_found", "customer.transaction_not_found"),
    /** A credit tender above what the customer may still owe (a blocked or inactive customer may owe nothing more). */
    CREDIT_LIMIT_EXCEEDED(400, "credit_limit_exceeded", "customer.credit_limit_exceeded"),
    /** A bonus tender above the points the customer holds (less what their other sales in progress hold). */
    INSUFFICIENT_POINTS(400, "insufficient_points", "customer.insufficient_points");

    private final Definition definition;

    CustomerErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
