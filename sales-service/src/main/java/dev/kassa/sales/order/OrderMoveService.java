package dev.kassa.sales.order;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.floor.TableService;
import dev.kassa.sales.kitchen.KitchenService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders moving between tables: to another table (a free one), merged into another order (its lines join it), or split
 * (the lines a guest pays for apart, whole or in part, become an order of their own, at another free table or at none).
 * The two orders are locked in id order, so two moves of the same pair never wait for each other in a circle. A waiter
 * moves only what they may act on: their own orders (both of a merge).
 */
@Service
class OrderMoveService {

    record MoveRequest(@Required Long table) {}

    record MergeRequest(@Required Long order) {}

    /** The lines to take into the new order ({@code quantity}: part of a line; all of it when left out). */
    record SplitRequest(@NotEmpty List<@Valid SplitLine> items, Long table) {}

    record SplitLine(@Required Long item, @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity) {}

    /** The bill shared by {@code parts} guests alike. */
    record SplitEquallyRequest(
            @Required
                    @Min(value = 2, message = "sales.split_parts_invalid")
                    @Max(value = MOST_PARTS, message = "sales.split_parts_invalid")
                    Integer parts) {}

    /** At most this many equal parts. */
    static final int MOST_PARTS = 20;

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final TableService tables;
    private final KitchenService kitchen;
    private final OrderService service;

    OrderMoveService(
            OrderRepository orders,
            OrderItemRepository items,
            TableService tables,
            KitchenService kitchen,
            OrderService service) {
        this.orders = orders;
        this.items = items;
        this.tables = tables;
        this.kitchen = kitchen;
        this.service = service;
    }

    /** Moves the order to a free table; the kitchen's tickets of it follow. */
    @Transactional
    OrderView move(Caller caller, long id, MoveRequest r) {
        OrderService.requireOpen(caller, orders.lock(id));
        TableService.Table table = freeTable(r.table(), id);
        orders.moveTo(id, table.id());
        kitchen.retable(id, table.name());
        return service.view(id);
    }

    /** Takes the other open order's lines into this one; the other is closed as merged into it. */
    @Transactional
    OrderView merge(Caller caller, long id, MergeRequest r) {
        if (r.order() == id) {
            throw FieldErrors.single("order", "sales.order_merge_itself");
        }
        lockBoth(caller, id, r.order());
        List<Long> moved =
                items.of(r.order()).stream().map(OrderItemRepository.Item::id).toList();
        items.moveTo(moved, id);
        orders.cancel(r.order(), id);
        // the merged lines' tickets now say where this order is
        kitchen.retable(id, tableName(orders.find(id).orElseThrow().tableName()));
        return service.view(id);
    }

    /** Makes an order of the lines given (whole lines, or part of one), at another free table or at none. */
    @Transactional
    OrderView split(Caller caller, long id, SplitRequest r) {
        OrderRepository.Order order = OrderService.requireOpen(caller, orders.lock(id));
        Map<Long, OrderItemRepository.Item> lines = new HashMap<>();
        items.of(id).forEach(i -> lines.put(i.id(), i));
        Set<Long> seen = splitLines(r, lines);
        BigDecimal left = BigDecimal.ZERO;
        for (OrderItemRepository.Item item : lines.values()) {
            if (item.billed() && !seen.contains(item.id())) {
                left = left.add(item.ordered().quantity());
            }
        }
        boolean partial = r.items().stream()
                .anyMatch(l -> l.quantity() != null
                        && l.quantity().compareTo(lines.get(l.item()).ordered().quantity()) < 0);
        if (left.signum() == 0 && !partial) {
            throw SalesErrors.ORDER_SPLIT_EVERYTHING.exception();
        }
        // the new order is another bill: never at a table that has an open order, this one's included
        TableService.Table table = r.table() == null ? null : freeTable(r.table(), -1);
        long split = orders.create(new OrderRepository.Fields(
                table == null ? null : table.id(),
                order.diningOption(),
                order.waiterUserId(),
                order.waiterName(),
                0,
                "#" + id));
        List<Long> whole = new ArrayList<>();
        for (SplitLine line : r.items()) {
            OrderItemRepository.Item item = lines.get(line.item());
            if (line.quantity() == null
                    || line.quantity().compareTo(item.ordered().quantity()) == 0) {
                whole.add(item.id());
            } else {
                items.splitOff(item.id(), line.quantity(), split);
            }
        }
        items.moveTo(whole, split);
        if (table != null) {
            kitchen.retable(split, table.name());
        }
        return service.view(split);
    }

    /** The billed lines a split names, each once and at most its quantity (all faults in one answer). */
    private static Set<Long> splitLines(SplitRequest r, Map<Long, OrderItemRepository.Item> lines) {
        FieldErrors errors = new FieldErrors();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < r.items().size(); i++) {
            SplitLine line = r.items().get(i);
            if (line == null) {
                errors.required("items." + i + ".item");
                continue;
            }
            OrderItemRepository.Item item = lines.get(line.item());
            if (item == null || !item.billed()) {
                errors.add("items." + i + ".item", "sales.order_item_unknown");
            } else if (!seen.add(line.item())) {
                errors.add("items." + i + ".item", "sales.order_item_twice");
            } else if (line.quantity() != null
                    && line.quantity().compareTo(item.ordered().quantity()) > 0) {
                errors.add("items." + i + ".quantity", "sales.split_more_than_line");
            }
        }
        errors.throwIfAny();
        return seen;
    }

    /**
     * Shares the bill in {@code parts} equal parts (issue 65 point 4): each billed line's quantity is divided (to the
     * thousandth, down) into new orders of their own at no table, paid apart; this order keeps its share and what rounding
     * left, so the parts add up to the whole. The kitchen's tickets stay as they are; lines guests ordered that no waiter
     * confirmed stay here. Answers every part, this order first.
     */
    @Transactional
    List<OrderView> splitEqually(Caller caller, long id, SplitEquallyRequest r) {
        OrderRepository.Order order = OrderService.requireOpen(caller, orders.lock(id));
        int parts = r.parts();
        List<OrderItemRepository.Item> billed =
                items.of(id).stream().filter(OrderItemRepository.Item::billed).toList();
        if (billed.isEmpty()) {
            throw SalesErrors.ORDER_NOTHING_TO_SPLIT.exception();
        }
        Map<Long, BigDecimal> shares = new HashMap<>();
        for (OrderItemRepository.Item item : billed) {
            BigDecimal share = item.ordered().quantity().divide(BigDecimal.valueOf(parts), 3, RoundingMode.DOWN);
            if (share.signum() == 0) {
                throw FieldErrors.single(
                        "parts", "sales.split_parts_too_many", item.ordered().productName());
            }
            shares.put(item.id(), share);
        }
        List<OrderView> views = new ArrayList<>();
        List<Long> made = new ArrayList<>();
        for (int part = 2; part <= parts; part++) {
            long split = orders.create(new OrderRepository.Fields(
                    null,
                    order.diningOption(),
                    order.waiterUserId(),
                    order.waiterName(),
                    0,
                    "#" + id + " " + part + "/" + parts));
            for (OrderItemRepository.Item item : billed) {
                items.splitOff(item.id(), shares.get(item.id()), split);
            }
            made.add(split);
        }
        views.add(service.view(id));
        made.forEach(m -> views.add(service.view(m)));
        return views;
    }

    private TableService.Table freeTable(long table, long order) {
        TableService.Table found =
                tables.lockActive(table).orElseThrow(() -> FieldErrors.single("table", "sales.table_unknown"));
        orders.openAt(table).filter(open -> open != order).ifPresent(open -> {
            throw OrderService.tableTaken(open);
        });
        return found;
    }

    private static String tableName(String name) {
        return name == null ? "" : name;
    }

    private void lockBoth(Caller caller, long a, long b) {
        OrderService.requireOpen(caller, orders.lock(Math.min(a, b)));
        OrderService.requireOpen(caller, orders.lock(Math.max(a, b)));
    }
}
