package dev.kassa.production.order;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaException;
import dev.kassa.production.ProductionErrors;

import java.util.Map;
import java.util.Optional;

/**
 * Where a production order is in its life (MPSYSTEM's order status): {@code new} until planned on the lines
 * ({@code planned}, planned again as often as needed, or back to {@code new} when its quantity changes), {@code released} to
 * the floor (its materials held; never planned again),
 * {@code in_progress} once work on it started, {@code done} when its last operation finished; {@code cancelled} from any
 * status but done. {@code done} and {@code cancelled} are final. Every change goes through {@link #moveTo}.
 */
public enum OrderStatus implements Coded {
    NEW,
    PLANNED,
    RELEASED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    static OrderStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No production order status " + wire));
    }

    static Optional<OrderStatus> parse(String wire) {
        return Coded.of(OrderStatus.class, wire);
    }

    /** Whether the order's quantity, date, priority and notes may still change (nothing is held for it yet). */
    public boolean editable() {
        return this == NEW || this == PLANNED;
    }

    /** Whether the order's planned operations hold their lines (other work is planned around them). */
    public boolean holdsLines() {
        return this == PLANNED || this == RELEASED || this == IN_PROGRESS;
    }

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    /** Whether an order in this status may become {@code next}. */
    boolean canBecome(OrderStatus next) {
        return switch (this) {
            case NEW -> next == PLANNED || next == CANCELLED;
            case PLANNED -> next == PLANNED || next == NEW || next == RELEASED || next == CANCELLED;
            case RELEASED -> next == IN_PROGRESS || next == CANCELLED;
            case IN_PROGRESS -> next == DONE || next == CANCELLED;
            case DONE, CANCELLED -> false;
        };
    }

    /** {@code next}, or 409 {@code production_order_status} naming this status when it may not become it. */
    OrderStatus moveTo(OrderStatus next) {
        if (!canBecome(next)) {
            throw refused();
        }
        return next;
    }

    /** The refusal of what an order in this status may not do: its body names the status. */
    KassaException refused() {
        return ProductionErrors.ORDER_STATUS.exception(Map.of("order_status", code()), code());
    }
}
