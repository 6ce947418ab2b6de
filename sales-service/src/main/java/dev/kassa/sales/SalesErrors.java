package dev.kassa.sales;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of sales-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw SalesErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum SalesErrors implements KassaError {
    /** A receipt or shift report asked in a format or paper width that is not printed. */
    PRINT_FORMAT_INVALID(400, "print_format_invalid", "sales.print_format_invalid"),
    PRINT_WIDTH_INVALID(400, "print_width_invalid", "sales.print_width_invalid"),
    /** The store is a warehouse (issue 64 point 4): it keeps stock, but has no tills and no shifts. */
    STORE_IS_WAREHOUSE(409, "store_is_warehouse", "sales.store_is_warehouse"),
    /** A draft or cancelled sale has no receipt to give the buyer. */
    RECEIPT_NOT_COMPLETED(409, "receipt_not_completed", "sales.receipt_not_completed"),
    /** No digital receipt has this link (or it was never made): nothing says whether a store or a sale exists. */
    RECEIPT_LINK_UNKNOWN(404, "receipt_link_unknown", "sales.receipt_link_unknown"),
    /** A manager withdrew this digital receipt's link. */
    RECEIPT_LINK_WITHDRAWN(410, "receipt_link_withdrawn", "sales.receipt_link_withdrawn"),
    CASH_OUT_EXCEEDS(400, "cash_out_exceeds", "sales.cash_out_exceeds"),
    /** The owner asked for more than the till holds (the original web client's code; {@code max_withdraw} says how much it holds). */
    WITHDRAW_EXCEEDS_LIMIT(400, "exceeds_limit", "sales.withdraw_exceeds_limit"),
    /** The till holds no cash to withdraw. */
    INSUFFICIENT_CASH(400, "insufficient_cash", "sales.insufficient_cash"),
    INSUFFICIENT_PAYMENT(400, "insufficient_payment", "sales.insufficient_payment"),
    NON_CASH_OVERPAID(400, "non_cash_overpaid", "sales.non_cash_overpaid"),
    ONLY_PENDING_ITEMS(400, "sale_not_pending", "sales.only_pending_items"),
    PENDING_SALES(400, "pending_sales", "sales.pending_sales"),
    REGISTER_IN_USE(400, "register_in_use", "sales.register_in_use"),
    SALE_EMPTY(400, "sale_empty", "sales.sale_empty"),
    CANCEL_ONLY_PENDING(400, "sale_not_pending", "sales.cancel_only_pending"),
    SALE_NOT_PENDING(400, "sale_not_pending", "sales.sale_not_pending"),
    SALE_NOT_REFUNDABLE(400, "sale_not_refundable", "sales.refund_only_completed"),
    SESSION_ALREADY_OPEN(400, "session_already_open", "sales.session_already_open"),
    SESSION_NOT_OPEN(400, "session_not_open", "sales.session_not_open"),
    /** An uploaded sale's {@code sold_at} lies before the shift it names was opened: it cannot be this shift's. */
    SOLD_BEFORE_SHIFT(400, "sold_before_shift", "sales.sold_before_shift"),
    /** A sale that says when it was made names a colleague's shift: only an owner or a manager may record it there. */
    NOT_YOUR_SHIFT(403, "not_your_shift", "sales.not_your_shift"),
    SUSPEND_SUSPENDED(400, "session_suspended", "sales.suspend_only_open"),
    SUSPEND_CLOSED(400, "session_closed", "sales.suspend_only_open"),
    RESUME_OPEN(400, "session_open", "sales.resume_only_suspended"),
    RESUME_CLOSED(400, "session_closed", "sales.resume_only_suspended"),
    CANCEL_NEEDS_MANAGER(403, "permission_denied", "sales.cancel_needs_manager"),
    DISCOUNT_NEEDS_MANAGER(403, "discount_needs_manager", "sales.discount_needs_manager"),
    SELL_AS_YOURSELF(403, "permission_denied", "sales.sell_as_yourself"),
    NOT_YOUR_SESSION(403, "permission_denied", "sales.not_your_session"),
    ITEM_NOT_FOUND(404, "item_not_found", "sales.item_not_found"),
    NO_OPEN_SESSION_ON_REGISTER(404, "no_open_session", "sales.no_open_session_on_register"),
    NO_OPEN_SESSION(404, "no_open_session", "sales.no_open_session"),
    REGISTER_NOT_FOUND(404, "register_not_found", "sales.register_not_found"),
    SALE_NOT_FOUND(404, "sale_not_found", "sales.sale_not_found"),
    SESSION_NOT_FOUND(404, "session_not_found", "sales.session_not_found"),
    MOVEMENT_NOT_FOUND(404, "not_found", "sales.movement_not_found"),
    PAYMENT_NOT_FOUND(404, "not_found", "sales.payment_not_found"),
    SALE_ITEM_NOT_FOUND(404, "not_found", "sales.sale_item_not_found"),
    /** Routes of the contract answered 405 by design, each saying what to do instead. */
    SALE_ITEMS_READ_ONLY(405, "method_not_allowed", "sales.sale_items_read_only"),
    PAYMENTS_READ_ONLY(405, "method_not_allowed", "sales.payments_read_only"),
    SALE_NOT_EDITABLE(405, "method_not_allowed", "sales.sale_not_editable"),
    SALE_COMPLETE_BY_CHECKOUT(405, "method_not_allowed", "sales.sale_complete_by_checkout"),
    SESSION_NOT_EDITABLE(405, "method_not_allowed", "sales.session_not_editable"),
    MOVEMENT_NOT_EDITABLE(405, "method_not_allowed", "sales.movement_not_editable"),
    AREA_NOT_FOUND(404, "area_not_found", "sales.area_not_found"),
    /** An area with tables stays: its tables are moved to another area or deleted first. */
    AREA_IN_USE(409, "area_in_use", "sales.area_in_use"),
    TABLE_NOT_FOUND(404, "table_not_found", "sales.table_not_found"),
    /** Orders were taken at this table: it is switched off instead (is_active=false), so that they keep their table. */
    TABLE_IN_USE(409, "table_in_use", "sales.table_in_use"),
    /** The ticket's order is paid or closed: what was billed stays as it was. */
    TICKET_ORDER_CLOSED(409, "ticket_order_closed", "sales.ticket_order_closed"),
    /** No table's menu has this link (or its table was switched off): nothing says whether a store or a table exists. */
    MENU_LINK_UNKNOWN(404, "menu_link_unknown", "sales.menu_link_unknown"),
    /** The table got a new QR code, or was deleted: this link no longer opens its menu. */
    MENU_LINK_WITHDRAWN(410, "menu_link_withdrawn", "sales.menu_link_withdrawn"),
    /** A café's orders (issue 65 point 4). */
    ORDER_NOT_FOUND(404, "order_not_found", "sales.order_not_found"),
    ORDER_ITEM_NOT_FOUND(404, "order_item_not_found", "sales.order_item_not_found"),
    /** The order is paid or cancelled: nothing is added, sent, moved or paid any more. */
    ORDER_NOT_OPEN(409, "order_not_open", "sales.order_not_open"),
    /** The table has an open order ({@code order} names it): a second round joins it. */
    TABLE_HAS_OPEN_ORDER(409, "table_has_open_order", "sales.table_has_open_order"),
    /** The product is not on the menu now: inactive, unknown, or out of stock. */
    ORDER_ITEM_UNAVAILABLE(409, "order_item_unavailable", "sales.order_item_unavailable"),
    /** The kitchen was sent this line: it cancels it on its screen. */
    ORDER_ITEM_SENT(409, "order_item_sent", "sales.order_item_sent"),
    ORDER_NOTHING_TO_SEND(409, "order_nothing_to_send", "sales.order_nothing_to_send"),
    ORDER_EMPTY(409, "order_empty", "sales.order_empty"),
    ORDER_NOTHING_TO_CONFIRM(409, "order_nothing_to_confirm", "sales.order_nothing_to_confirm"),
    /** The store does not let guests order from the table (its café settings). */
    GUEST_ORDERING_OFF(403, "guest_ordering_off", "sales.guest_ordering_off"),
    /** A split must leave the order something to pay. */
    ORDER_SPLIT_EVERYTHING(409, "order_split_everything", "sales.order_split_everything"),
    /** An order with nothing billed yet has no bill to share. */
    ORDER_NOTHING_TO_SPLIT(409, "order_nothing_to_split", "sales.order_nothing_to_split"),
    ORDER_CANCEL_NEEDS_MANAGER(403, "permission_denied", "sales.order_cancel_needs_manager"),
    /** A waiter acts on their own orders only (issue 84 point 5): a colleague's is taken over first ({@code take-over}). */
    NOT_YOUR_ORDER(403, "not_your_order", "sales.not_your_order"),
    /** The table's guests' lines waiting for a waiter reached the limit (issue 84 point 6): a waiter answers them first. */
    TOO_MANY_WAITING_LINES(429, "too_many_waiting_lines", "sales.too_many_waiting_lines"),
    TICKET_NOT_FOUND(404, "ticket_not_found", "sales.ticket_not_found"),
    /** A kitchen ticket moves only forward, and is cancelled only before it is ready. */
    TICKET_STATUS_INVALID(409, "ticket_status_invalid", "sales.ticket_status_invalid"),
    TICKET_CANCEL_NOT_ALLOWED(403, "permission_denied", "sales.ticket_cancel_not_allowed"),
    PAYMENT_METHOD_NOT_FOUND(404, "payment_method_not_found", "sales.payment_method_not_found"),
    /** Kassa's own methods are switched off (is_active=false), never deleted. */
    PAYMENT_METHOD_BUILT_IN(409, "payment_method_built_in", "sales.payment_method_built_in"),
    /** A sale or a refund was paid with this method: it is switched off instead, so that its reports keep their name. */
    PAYMENT_METHOD_IN_USE(409, "payment_method_in_use", "sales.payment_method_in_use"),
    CATALOG_UNAVAILABLE(503, "catalog_unavailable", "sales.catalog_unavailable"),
    /** customer-service did not answer a credit hold: the sale stays a draft, nothing is owed. */
    CUSTOMERS_UNAVAILABLE(503, "customers_unavailable", "sales.customers_unavailable");

    private final Definition definition;

    SalesErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
