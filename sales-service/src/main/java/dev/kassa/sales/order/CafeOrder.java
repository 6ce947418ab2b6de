package dev.kassa.sales.order;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.kitchen.KitchenService;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A café order loaded once with its lines under its lock: the only place its status and its rounds are decided. While
 * open it takes lines off ({@link #remove}), sends a round ({@link #unsent}, then {@link #sent}, which answers the event
 * for the kitchen), is cancelled ({@link #cancel}) or taken over ({@link #takeOver}); its payment holds it
 * ({@link #bill}). Every move is guarded by {@link OrderStatus}; who may act on it is decided here too. The repositories
 * load it and write what it answers; no Spring, no database here.
 */
final class CafeOrder {

    private final OrderRepository.Order row;
    private final List<OrderItemRepository.Item> items;
    private OrderStatus status;

    CafeOrder(OrderRepository.Order row, List<OrderItemRepository.Item> items) {
        this.row = row;
        this.items = List.copyOf(items);
        this.status = row.status();
    }

    long id() {
        return row.id();
    }

    OrderRepository.Order row() {
        return row;
    }

    OrderStatus status() {
        return status;
    }

    /**
     * Whether the caller may act on the order, as the list shows it: a waiter on their own and on those guests opened that
     * no waiter has yet (a colleague's only once taken over); managers, owners and whoever sells at the till on any.
     */
    static boolean mayActOn(Caller caller, OrderRepository.Order order) {
        return caller.role() != Role.WAITER
                || order.waiterUserId() == caller.userId()
                || order.waiterUserId() == OrderRepository.NO_WAITER;
    }

    /** This order, if the caller may act on it: 403 {@code not_your_order} otherwise. */
    CafeOrder actedOnBy(Caller caller) {
        if (!mayActOn(caller, row)) {
            throw SalesErrors.NOT_YOUR_ORDER.exception();
        }
        return this;
    }

    /** This order while it may change: 409 {@code order_not_open} (naming its status) once held or closed. */
    CafeOrder requireOpen() {
        if (!status.isOpen()) {
            throw SalesErrors.ORDER_NOT_OPEN.exception(status.code());
        }
        return this;
    }

    /** The line to take off: one of the order's, not sent to the kitchen yet (one sent is cancelled there). */
    OrderItemRepository.Item remove(long itemId) {
        requireOpen();
        OrderItemRepository.Item item = items.stream()
                .filter(i -> i.id() == itemId)
                .findFirst()
                .orElseThrow(SalesErrors.ORDER_ITEM_NOT_FOUND::exception);
        if (item.sent()) {
            throw SalesErrors.ORDER_ITEM_SENT.exception();
        }
        return item;
    }

    /** The lines the next round sends (confirmed, not sent yet): 409 {@code order_nothing_to_send} when none. */
    List<OrderItemRepository.Item> unsent() {
        requireOpen();
        List<OrderItemRepository.Item> unsent = items.stream()
                .filter(i -> i.status().canBecome(OrderItemStatus.NEW))
                .toList();
        if (unsent.isEmpty()) {
            throw SalesErrors.ORDER_NOTHING_TO_SEND.exception();
        }
        return unsent;
    }

    /** The event of round {@code round} sent as {@code tickets} (one per station), for the kitchen's screens. */
    OrderSentToKitchen sent(int round, List<KitchenService.Sent> tickets) {
        Map<Long, OrderItemRepository.Item> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        return new OrderSentToKitchen(
                row.id(),
                table(),
                row.diningOption(),
                round,
                Instant.now(),
                tickets.stream()
                        .map(t -> new OrderSentToKitchen.Ticket(
                                t.ticketId(),
                                t.station(),
                                t.items().stream()
                                        .map(byId::get)
                                        .filter(Objects::nonNull)
                                        .map(CafeOrder::dish)
                                        .toList()))
                        .toList());
    }

    /** The table's name as the kitchen shows it (none: empty). */
    String table() {
        return row.tableName() == null ? "" : row.tableName();
    }

    /**
     * Cancels the open order; one with lines the kitchen was sent and that are billed only by whom {@code manages} the
     * store (403 otherwise).
     */
    void cancel(boolean manages) {
        requireOpen();
        boolean sent = items.stream().anyMatch(i -> i.sent() && i.billed());
        if (sent && !manages) {
            throw SalesErrors.ORDER_CANCEL_NEEDS_MANAGER.exception();
        }
        status = status.moveTo(OrderStatus.CANCELLED, SalesErrors.ORDER_NOT_OPEN);
    }

    /** {@code waiter} takes the open order over; answers whether it changed hands (one's own: no change). */
    boolean takeOver(long waiter) {
        requireOpen();
        return row.waiterUserId() != waiter;
    }

    /**
     * Holds the order while its payment is taken; answers whether it moved. One being paid already, or paid, is not
     * moved again: its payment is taken once, by its one sale (the order's client id), and every till that asked is
     * answered with it. A cancelled order is refused ({@code order_not_open}).
     */
    boolean bill() {
        if (status == OrderStatus.BILLING || status == OrderStatus.PAID) {
            return false;
        }
        if (!status.isOpen()) {
            throw SalesErrors.ORDER_NOT_OPEN.exception(status.code());
        }
        status = status.moveTo(OrderStatus.BILLING, SalesErrors.ORDER_NOT_OPEN);
        return true;
    }

    /** The lines the bill takes: confirmed and not cancelled by the kitchen; 409 {@code order_empty} when none. */
    List<OrderItemRepository.Item> billed() {
        List<OrderItemRepository.Item> billed =
                items.stream().filter(OrderItemRepository.Item::billed).toList();
        if (billed.isEmpty()) {
            throw SalesErrors.ORDER_EMPTY.exception();
        }
        return billed;
    }

    private static OrderSentToKitchen.Dish dish(OrderItemRepository.Item i) {
        OrderItemRepository.Ordered o = i.ordered();
        return new OrderSentToKitchen.Dish(
                i.id(),
                o.productId(),
                o.productName(),
                o.quantity(),
                o.modifiers().stream().map(Modifier::name).toList(),
                o.note());
    }
}
