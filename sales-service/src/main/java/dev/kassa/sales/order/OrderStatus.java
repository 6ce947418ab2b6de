package dev.kassa.sales.order;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaError;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a café order is in its life: an {@code open} order takes lines; while its payment is taken it is held
 * ({@code billing}: nothing may change it) and goes back to {@code open} when the payment is refused; it closes as
 * {@code paid} (by its sale) or {@code cancelled} (by hand, merged into another, or left empty by its guests). Every
 * change of status is one of {@link #canBecome}'s moves: the row's update requires a status that may make it.
 */
enum OrderStatus implements Coded {
    OPEN,
    BILLING,
    PAID,
    CANCELLED;

    /** The status a database row holds (its {@link #code()}, {@code open}, as the API names it). */
    static OrderStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No order status " + wire));
    }

    /** A status a client named (a list filter); empty when it names none (names are exact: {@code "OPEN"} is none). */
    static Optional<OrderStatus> parse(String wire) {
        return Coded.of(OrderStatus.class, wire);
    }

    /** Whether the order may change (lines added, taken off, sent, moved, merged, split, cancelled, taken over). */
    boolean isOpen() {
        return this == OPEN;
    }

    /** Whether the order still holds its table (one per table): open, or being paid. */
    boolean holdsTable() {
        return this == OPEN || this == BILLING;
    }

    /** The statuses a list of this status shows: an open list shows the orders being paid too. */
    List<OrderStatus> listed() {
        return this == OPEN ? List.of(OPEN, BILLING) : List.of(this);
    }

    /** Whether an order in this status may become {@code next}. */
    boolean canBecome(OrderStatus next) {
        return switch (this) {
            case OPEN -> next == BILLING || next == PAID || next == CANCELLED;
            case BILLING -> next == OPEN || next == PAID;
            case PAID, CANCELLED -> false;
        };
    }

    /** Every status that may become {@code next}: what the row's update to {@code next} requires it to be in. */
    static List<OrderStatus> mayBecome(OrderStatus next) {
        return Arrays.stream(values()).filter(s -> s.canBecome(next)).toList();
    }

    /** {@code next}, or {@code refusal} raised when this status may not become it. */
    OrderStatus moveTo(OrderStatus next, KassaError refusal) {
        if (!canBecome(next)) {
            throw refusal.exception();
        }
        return next;
    }
}
