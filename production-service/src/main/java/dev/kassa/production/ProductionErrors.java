package dev.kassa.production;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of production-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw ProductionErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum ProductionErrors implements KassaError {
    LINE_NOT_FOUND(404, "line_not_found", "production.line_not_found"),
    LINE_CODE_TAKEN(409, "line_code_taken", "production.line_code_taken"),
    /** A line's status may not move this way (a line that is down comes back {@code idle} first). */
    LINE_STATUS(409, "line_status", "production.line_status"),
    ORDER_NOT_FOUND(404, "production_order_not_found", "production.order_not_found"),
    /** The order's status does not allow this (a released order is no longer edited, a done one never cancelled). */
    ORDER_STATUS(409, "production_order_status", "production.order_status"),
    /** A product the store's catalog does not have (or the caller may not read). */
    PRODUCT_NOT_FOUND(404, "product_not_found", "production.product_unknown"),
    ROUTING_NOT_FOUND(404, "routing_not_found", "production.routing_not_found"),
    /** The order's product has no routing: planning does not know what making it takes. */
    NO_ROUTING(409, "no_routing", "production.no_routing"),
    /** No active line can do one of the routing's operations (its kind, or the line it names, is gone). */
    NO_FITTING_LINE(409, "no_fitting_line", "production.no_fitting_line"),
    /** The lines' calendars give the operation no open time within the planning horizon. */
    NO_OPEN_TIME(409, "no_open_time", "production.no_open_time"),
    /** The slot given for an operation is not free (closed hours, other work, or before the operation before it). */
    SLOT_NOT_FREE(409, "slot_not_free", "production.slot_not_free"),
    /** A material of the order's recipe is short: the body's {@code shortfalls} name each; nothing was held. */
    MATERIALS_SHORT(409, "materials_short", "production.materials_short"),
    /** Catalog did not answer: the order is not made (nothing is stored), the caller may try again. */
    CATALOG_UNAVAILABLE(503, "catalog_unavailable", "production.catalog_unavailable");

    private final Definition definition;

    ProductionErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
