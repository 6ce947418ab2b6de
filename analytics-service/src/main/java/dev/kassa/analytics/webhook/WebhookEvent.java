package dev.kassa.analytics.webhook;

import dev.kassa.platform.events.Topics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events a store can subscribe to, by the names {@code docs/events.md} and the AsyncAPI document give them: a
 * webhook's {@code type} and {@code data} are the event's type and payload. Auth's events and sales' internal
 * {@code HoldsReleased} are not offered.
 */
enum WebhookEvent {
    SALE_COMPLETED("SaleCompleted", Topics.SALES),
    SALE_REFUNDED("SaleRefunded", Topics.SALES),
    SALE_CANCELLED("SaleCancelled", Topics.SALES),
    SESSION_OPENED("SessionOpened", Topics.SALES),
    SESSION_CLOSED("SessionClosed", Topics.SALES),
    CASH_MOVEMENT_RECORDED("CashMovementRecorded", Topics.SALES),
    PRODUCT_CREATED("ProductCreated", Topics.CATALOG),
    PRODUCT_UPDATED("ProductUpdated", Topics.CATALOG),
    PRODUCT_DELETED("ProductDeleted", Topics.CATALOG),
    STOCK_CHANGED("StockChanged", Topics.CATALOG),
    LOW_STOCK_REACHED("LowStockReached", Topics.CATALOG),
    CUSTOMER_CREATED("CustomerCreated", Topics.CUSTOMER),
    CUSTOMER_UPDATED("CustomerUpdated", Topics.CUSTOMER),
    CUSTOMER_DELETED("CustomerDeleted", Topics.CUSTOMER),
    CUSTOMER_BALANCE_CHANGED("CustomerBalanceChanged", Topics.CUSTOMER),
    TASK_ASSIGNED("TaskAssigned", Topics.TASK),
    TASK_STATUS_CHANGED("TaskStatusChanged", Topics.TASK),
    TASK_OVERDUE("TaskOverdue", Topics.TASK);

    /** The type of the test delivery an owner sends with "ping"; not one to subscribe to. */
    static final String PING = "ping";

    private static final Map<String, WebhookEvent> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(e -> e.type, Function.identity()));

    final String type;
    final String topic;

    WebhookEvent(String type, String topic) {
        this.type = type;
        this.topic = topic;
    }

    static boolean offered(String type) {
        return BY_TYPE.containsKey(type);
    }

    static List<String> types() {
        return Arrays.stream(values()).map(e -> e.type).toList();
    }
}
