package dev.kassa.sales.order;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.CatalogMenu;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.floor.TableService;
import dev.kassa.sales.kitchen.KitchenService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a café's orders: one open order per table (a second round joins it); lines of what may be ordered now, at
 * the catalogue's price of the moment; a round goes to the kitchen once, as one ticket per station; a line the kitchen has
 * not been sent is taken off freely, one it has is cancelled by the kitchen; a waiter sees and acts on their own orders,
 * and takes a colleague's over first (issue 84 point 5).
 */
@Service
class OrderService {

    /** A new order: at a table (none: at the counter, to take away or to deliver). */
    record NewOrderRequest(
            Long table,
            @OneOf(of = DiningOption.class, message = "sales.dining_option_invalid") String diningOption,
            @Min(0) @Max(100) Integer guests,
            @Size(max = 500) @PrintableText(multiline = true) String notes) {}

    /**
     * A line of the order: a product of the menu, how many (one when left out), the options of its modifier groups chosen,
     * a note for the kitchen.
     */
    record ItemRequest(
            @Required Long product,
            @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
            @Size(max = 20) List<Long> modifiers,
            @Size(max = 200) @PrintableText(multiline = true) String note) {}

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderHistoryRepository history;
    private final TableService tables;
    private final KitchenService kitchen;
    private final CatalogClient catalog;
    private final EmployeeDirectory staff;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;

    OrderService(
            OrderRepository orders,
            OrderItemRepository items,
            OrderHistoryRepository history,
            TableService tables,
            KitchenService kitchen,
            CatalogClient catalog,
            EmployeeDirectory staff,
            OutboxPublisher outbox,
            TransactionTemplate tx) {
        this.orders = orders;
        this.items = items;
        this.history = history;
        this.tables = tables;
        this.kitchen = kitchen;
        this.catalog = catalog;
        this.staff = staff;
        this.outbox = outbox;
        this.tx = tx;
    }

    @Transactional
    OrderView open(Caller caller, NewOrderRequest r) {
        if (r.table() != null) {
            tables.lockActive(r.table()).orElseThrow(() -> FieldErrors.single("table", "sales.table_unknown"));
            orders.openAt(r.table()).ifPresent(open -> {
                throw tableTaken(open);
            });
        }
        String option = r.diningOption() == null ? DiningOption.HERE.code() : r.diningOption();
        String waiter = waiterName(caller);
        // the table's row is locked above: another waiter opening it at the same moment waits, then finds this order
        long id = orders.create(new OrderRepository.Fields(
                r.table(),
                option,
                caller.userId(),
                waiter,
                r.guests() == null ? 0 : r.guests(),
                r.notes() == null ? "" : r.notes().trim()));
        return view(id);
    }

    /**
     * Orders in a status ({@code open} by default): a waiter sees their own (and those guests opened that no waiter has
     * yet), the others every one or their own.
     */
    @Transactional(readOnly = true)
    List<OrderView> list(Caller caller, String status, Long table, boolean mine) {
        OrderStatus s = status == null || status.isBlank()
                ? OrderStatus.OPEN
                : OrderStatus.parse(status.trim())
                        .orElseThrow(() -> FieldErrors.single("status", "sales.order_status_invalid"));
        Long waiter = mine || caller.role() == Role.WAITER ? caller.userId() : null;
        List<OrderRepository.Order> found = orders.list(s, table, waiter, 200);
        List<Long> ids = found.stream().map(OrderRepository.Order::id).toList();
        Map<Long, List<OrderItemRepository.Item>> lines = items.of(ids);
        Map<Long, List<OrderHistoryRepository.Entry>> happened = history.of(ids);
        return found.stream()
                .map(o -> OrderView.of(
                        o, lines.getOrDefault(o.id(), List.of()), happened.getOrDefault(o.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    OrderView get(Caller caller, long id) {
        yours(caller, orders.find(id));
        return view(id);
    }

    /**
     * Adds a line at the catalogue's price of now with what its options add: the product must be one the menu offers now
     * (active, in stock or not tracked) and the options ones it offers with it, asked of catalog before the order is locked.
     */
    OrderView addItem(Caller caller, long id, ItemRequest r) {
        tx.executeWithoutResult(s -> requireOpen(caller, orders.find(id)));
        CatalogMenu.PricedLine priced = catalog.price(
                        List.of(new CatalogMenu.MenuLine(
                                r.product(), r.modifiers() == null ? List.of() : r.modifiers())),
                        null)
                .get(0);
        if (priced.item() == null) {
            throw SalesErrors.ORDER_ITEM_UNAVAILABLE.exception();
        }
        CatalogMenu.MenuItem product = priced.item();
        BigDecimal quantity =
                (r.quantity() == null ? BigDecimal.ONE : r.quantity()).setScale(3, RoundingMode.UNNECESSARY);
        return tx.execute(s -> {
            requireOpen(caller, orders.lock(id));
            items.add(
                    id,
                    new OrderItemRepository.Ordered(
                            product.id(),
                            product.name(),
                            product.categoryId(),
                            product.price().add(Modifier.sum(priced.modifiers())),
                            quantity,
                            r.note() == null ? "" : r.note().trim(),
                            priced.modifiers()),
                    false);
            return view(id);
        });
    }

    /** Takes off a line the kitchen was not sent yet (one it was is cancelled on the kitchen screen). */
    @Transactional
    OrderView removeItem(Caller caller, long id, long itemId) {
        items.delete(load(id).actedOnBy(caller).remove(itemId).id());
        return view(id);
    }

    /** Sends the lines not sent yet to the kitchen as the order's next round: one ticket per station. */
    @Transactional
    OrderView send(Caller caller, long id) {
        CafeOrder order = load(id).actedOnBy(caller);
        List<OrderItemRepository.Item> unsent = order.unsent();
        int round = orders.nextRound(id);
        List<KitchenService.Sent> tickets = kitchen.send(
                id,
                round,
                order.table(),
                unsent.stream()
                        .map(i ->
                                new KitchenService.RoundDish(i.id(), i.ordered().categoryId()))
                        .toList());
        for (KitchenService.Sent t : tickets) {
            items.sent(t.items(), t.ticketId());
        }
        OrderSentToKitchen sent = order.sent(round, tickets);
        outbox.publish(TenantContext.require().key(), sent);
        // this instance's screens see the round when it commits; the others' when its event comes back from Kafka
        kitchen.showWhenCommitted(sent);
        return view(id);
    }

    /**
     * Cancels an open order: one with lines the kitchen was sent only by a manager. The guests' lines no waiter confirmed
     * are dropped with it: the table's next guests start with none waiting.
     */
    @Transactional
    OrderView cancel(Caller caller, long id) {
        load(id).actedOnBy(caller).cancel(caller.managesStore());
        orders.cancel(id, null);
        items.decline(id, null);
        // what the kitchen has not made yet is not made any more
        kitchen.cancelOrder(id);
        return view(id);
    }

    /**
     * The caller takes the open order over from the waiter who has it (a colleague's table, or one guests opened that no
     * waiter has yet): it becomes theirs, and its history names both. Taking over one's own order changes nothing.
     */
    @Transactional
    OrderView takeOver(Caller caller, long id) {
        CafeOrder taken = load(id);
        OrderRepository.Order order = taken.row();
        if (taken.takeOver(caller.userId())) {
            String name = waiterName(caller);
            orders.takeOver(id, order.waiterUserId(), caller.userId(), name);
            history.takenOver(id, caller.userId(), name, order.waiterUserId(), order.waiterName());
        }
        return view(id);
    }

    /** The caller's name as the store's directory has it (their login name until it does). */
    String waiterName(Caller caller) {
        return staff.byUser(TenantContext.require().key(), caller.userId())
                .map(EmployeeDirectory.Employee::fullName)
                .filter(n -> !n.isBlank())
                .orElse(caller.username());
    }

    OrderView view(long id) {
        OrderRepository.Order order = orders.find(id).orElseThrow(SalesErrors.ORDER_NOT_FOUND::exception);
        return OrderView.of(order, items.of(id), history.of(id));
    }

    /**
     * Who may act on an order is who sees it in the list: a waiter on their own and on those guests opened that no waiter
     * has yet (a colleague's only once taken over); managers, owners and whoever sells at the till on any of the store's.
     */
    static boolean mayActOn(Caller caller, OrderRepository.Order order) {
        return CafeOrder.mayActOn(caller, order);
    }

    /** The order with its lines, locked until the transaction ends: 404 {@code order_not_found} when there is none. */
    CafeOrder load(long id) {
        OrderRepository.Order order = orders.lock(id).orElseThrow(SalesErrors.ORDER_NOT_FOUND::exception);
        return new CafeOrder(order, items.of(id));
    }

    /** The order, if the caller may act on it: 404 {@code order_not_found}, 403 {@code not_your_order}. */
    static OrderRepository.Order yours(Caller caller, Optional<OrderRepository.Order> found) {
        OrderRepository.Order order = found.orElseThrow(SalesErrors.ORDER_NOT_FOUND::exception);
        if (!mayActOn(caller, order)) {
            throw SalesErrors.NOT_YOUR_ORDER.exception();
        }
        return order;
    }

    /** The open order, if the caller may act on it (see {@link #yours}); 409 {@code order_not_open} once it is closed. */
    static OrderRepository.Order requireOpen(Caller caller, Optional<OrderRepository.Order> found) {
        return open(yours(caller, found));
    }

    static OrderRepository.Order requireOpen(Optional<OrderRepository.Order> found) {
        return open(found.orElseThrow(SalesErrors.ORDER_NOT_FOUND::exception));
    }

    private static OrderRepository.Order open(OrderRepository.Order order) {
        if (!order.status().isOpen()) {
            throw SalesErrors.ORDER_NOT_OPEN.exception(order.status().code());
        }
        return order;
    }

    /** 409 {@code table_has_open_order}, naming the table's open order (a second round joins it). */
    static KassaException tableTaken(long openOrder) {
        return SalesErrors.TABLE_HAS_OPEN_ORDER.exception(Map.of("order", openOrder));
    }
}
