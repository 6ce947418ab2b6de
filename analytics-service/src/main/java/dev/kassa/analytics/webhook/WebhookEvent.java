package dev.kassa.analytics.webhook;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.AppScope;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events a store can subscribe to, by the names {@code docs/events.md} and the AsyncAPI document give them: a
 * webhook's {@code type} and {@code data} are the event's type and payload. Auth's events and sales' internal
 * {@code HoldsReleased} are not offered. An app may subscribe only to the events its scopes can read ({@link #readWith}).
 */
enum WebhookEvent {
    SALE_COMPLETED("SaleCompleted", Topics.SALES, AppScope.SALES_READ),
    SALE_REFUNDED("SaleRefunded", Topics.SALES, AppScope.SALES_READ),
    SALE_CANCELLED("SaleCancelled", Topics.SALES, AppScope.SALES_READ),
    SESSION_OPENED("SessionOpened", Topics.SALES, AppScope.SALES_READ),
    SESSION_CLOSED("SessionClosed", Topics.SALES, AppScope.SALES_READ),
    CASH_MOVEMENT_RECORDED("CashMovementRecorded", Topics.SALES, AppScope.SALES_READ),
    ORDER_SENT_TO_KITCHEN("OrderSentToKitchen", Topics.SALES, AppScope.SALES_READ),
    KITCHEN_TICKET_CHANGED("KitchenTicketChanged", Topics.SALES, AppScope.SALES_READ),
    PRODUCT_CREATED("ProductCreated", Topics.CATALOG, AppScope.CATALOG_READ),
    PRODUCT_UPDATED("ProductUpdated", Topics.CATALOG, AppScope.CATALOG_READ),
    PRODUCT_DELETED("ProductDeleted", Topics.CATALOG, AppScope.CATALOG_READ),
    STOCK_CHANGED("StockChanged", Topics.CATALOG, AppScope.CATALOG_READ),
    LOW_STOCK_REACHED("LowStockReached", Topics.CATALOG, AppScope.CATALOG_READ),
    STOCK_COUNTED("StockCounted", Topics.CATALOG, AppScope.CATALOG_READ),
    BATCH_BLOCKED("BatchBlocked", Topics.CATALOG, AppScope.CATALOG_READ),
    PURCHASE_ORDER_RECEIVED("PurchaseOrderReceived", Topics.CATALOG, AppScope.CATALOG_READ),
    STOCK_LOW("StockLow", Topics.CATALOG, AppScope.CATALOG_READ),
    TRANSFER_SHIPPED("TransferShipped", Topics.CATALOG, AppScope.CATALOG_READ),
    TRANSFER_RECEIVED("TransferReceived", Topics.CATALOG, AppScope.CATALOG_READ),
    CUSTOMER_CREATED("CustomerCreated", Topics.CUSTOMER, AppScope.CUSTOMERS_READ),
    CUSTOMER_UPDATED("CustomerUpdated", Topics.CUSTOMER, AppScope.CUSTOMERS_READ),
    CUSTOMER_DELETED("CustomerDeleted", Topics.CUSTOMER, AppScope.CUSTOMERS_READ),
    CUSTOMER_BALANCE_CHANGED("CustomerBalanceChanged", Topics.CUSTOMER, AppScope.CUSTOMERS_READ),
    TASK_ASSIGNED("TaskAssigned", Topics.TASK, null),
    TASK_STATUS_CHANGED("TaskStatusChanged", Topics.TASK, null),
    TASK_OVERDUE("TaskOverdue", Topics.TASK, null);

    /** The type of the test delivery an owner sends with "ping"; not one to subscribe to. */
    static final String PING = "ping";

    private static final Map<String, WebhookEvent> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(e -> e.type, Function.identity()));

    final String type;
    final String topic;
    /** The scope an app needs to read this event's data elsewhere; null: no app may subscribe (only the owner). */
    final AppScope readWith;

    WebhookEvent(String type, String topic, AppScope readWith) {
        this.type = type;
        this.topic = topic;
        this.readWith = readWith;
    }

    static boolean offered(String type) {
        return BY_TYPE.containsKey(type);
    }

    /** The offered event of that type, if it is one. */
    static Optional<WebhookEvent> of(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    static List<String> types() {
        return Arrays.stream(values()).map(e -> e.type).toList();
    }
}
