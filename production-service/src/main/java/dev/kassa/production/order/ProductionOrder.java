package dev.kassa.production.order;

import java.time.Instant;
import java.util.Optional;

/**
 * A production order loaded under its lock: the only place its status changes. It is edited while nothing is held for
 * it ({@link OrderStatus#editable()}), moves as {@link OrderStatus} allows and answers the event of each move. The
 * repository loads and saves it; no Spring, no database here.
 */
final class ProductionOrder {

    private final OrderRepository.Row row;
    private OrderStatus status;

    ProductionOrder(OrderRepository.Row row) {
        this.row = row;
        this.status = row.status();
    }

    OrderRepository.Row row() {
        return row;
    }

    OrderStatus status() {
        return status;
    }

    /** Refused unless the order's details may still change. */
    void edit() {
        if (!status.editable()) {
            throw status.refused();
        }
    }

    /**
     * Cancels the order (any status but done); answers the move's event, or empty when it was cancelled already (no
     * move).
     */
    Optional<ProductionOrderStatusChanged> cancel(String note, Long by, Instant at) {
        return moveTo(OrderStatus.CANCELLED, note, by, at);
    }

    /** Planned (again): the order's operations are on the lines; answers the move's event. */
    Optional<ProductionOrderStatusChanged> plan(String note, Long by, Instant at) {
        return moveTo(OrderStatus.PLANNED, note, by, at);
    }

    /** Back to new: its quantity changed, so its plan no longer holds; answers the move's event. */
    Optional<ProductionOrderStatusChanged> unplan(String note, Long by, Instant at) {
        return moveTo(OrderStatus.NEW, note, by, at);
    }

    /** Released to the floor (its materials held); answers the move's event. Released again: refused. */
    Optional<ProductionOrderStatusChanged> release(String note, Long by, Instant at) {
        if (status == OrderStatus.RELEASED) {
            throw status.refused();
        }
        return moveTo(OrderStatus.RELEASED, note, by, at);
    }

    private Optional<ProductionOrderStatusChanged> moveTo(OrderStatus next, String note, Long by, Instant at) {
        if (status == next && next.isFinal()) {
            return Optional.empty();
        }
        OrderStatus from = status;
        status = status.moveTo(next);
        return Optional.of(new ProductionOrderStatusChanged(
                row.id(), row.number(), row.productId(), from.code(), status.code(), note, by, at));
    }
}
