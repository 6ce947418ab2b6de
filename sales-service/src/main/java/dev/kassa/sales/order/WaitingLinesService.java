package dev.kassa.sales.order;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.sales.SalesErrors;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A waiter's answer to what guests ordered from their table (issue 84 point 6): the lines chosen, or every waiting one,
 * are confirmed (they go with the next round and are billed) or declined (taken off). Only the order's own waiter, or
 * whoever may act on any order, answers; an order the guests opened becomes the confirming waiter's.
 */
@Service
class WaitingLinesService {

    /** At most this many lines chosen at once. */
    static final int MOST = 500;

    /** The guests' lines chosen by id ({@code items[].id} of the order); every waiting one when left out. */
    record LinesRequest(@Size(min = 1, max = MOST) List<@NotNull Long> lines) {}

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderService service;

    WaitingLinesService(OrderRepository orders, OrderItemRepository items, OrderService service) {
        this.orders = orders;
        this.items = items;
        this.service = service;
    }

    /** Confirms the chosen waiting lines (all when none are named): billed, and sent with the next round. */
    @Transactional
    OrderView confirm(Caller caller, long id, LinesRequest r) {
        OrderService.requireOpen(caller, orders.lock(id));
        if (items.confirm(id, chosen(id, r)) == 0) {
            throw SalesErrors.ORDER_NOTHING_TO_CONFIRM.exception();
        }
        orders.claim(id, caller.userId(), service.waiterName(caller));
        return service.view(id);
    }

    /**
     * Takes off the chosen waiting lines (all when none are named). An order guests opened that is left with nothing is
     * closed: the table is free for the next guests.
     */
    @Transactional
    OrderView decline(Caller caller, long id, LinesRequest r) {
        OrderRepository.Order order = OrderService.requireOpen(caller, orders.lock(id));
        if (items.decline(id, chosen(id, r)) == 0) {
            throw SalesErrors.ORDER_NOTHING_TO_CONFIRM.exception();
        }
        if (order.waiterUserId() == OrderRepository.NO_WAITER && items.of(id).isEmpty()) {
            orders.cancel(id, null);
        }
        return service.view(id);
    }

    /**
     * The lines named, each one of the order's lines that wait for a waiter, once (400 {@code lines.<i>} otherwise); null
     * when none are named: every waiting line.
     */
    private List<Long> chosen(long id, LinesRequest r) {
        if (r == null || r.lines() == null) {
            return null;
        }
        Set<Long> waiting = items.of(id).stream()
                .filter(OrderItemRepository.Item::awaiting)
                .map(OrderItemRepository.Item::id)
                .collect(Collectors.toSet());
        FieldErrors errors = new FieldErrors();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < r.lines().size(); i++) {
            Long line = r.lines().get(i);
            if (line == null || !waiting.contains(line)) {
                errors.add("lines." + i, "sales.order_line_not_waiting");
            } else if (!seen.add(line)) {
                errors.add("lines." + i, "sales.order_item_twice");
            }
        }
        errors.throwIfAny();
        return new ArrayList<>(seen);
    }
}
