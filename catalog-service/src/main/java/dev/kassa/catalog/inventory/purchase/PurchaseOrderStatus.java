package dev.kassa.catalog.inventory.purchase;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.KassaException;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a purchase order is in its life (issue 64): a {@code draft} is changed until it is sent ({@code ordered});
 * goods come in receipts ({@code partially_received}) until every line has all it ordered ({@code received}); an order
 * sent is {@code closed} before everything came (its shortfall stays on its lines); a draft or an order nothing came
 * for is {@code cancelled}. {@code received}, {@code closed} and {@code cancelled} are final. Every change of status
 * goes through {@link #moveTo}, which refuses any other move; sending, closing or cancelling again is no move (the
 * order answers as it stands).
 */
enum PurchaseOrderStatus implements Coded {
    DRAFT,
    ORDERED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    CLOSED,
    CANCELLED;

    /** The code in the API, the database and the events ({@code partially_received}): an order's answer writes it. */
    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    /** The status a database row holds. */
    static PurchaseOrderStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No purchase order status " + wire));
    }

    /** A status a client named (a list filter); empty when it names none (names are exact: {@code "DRAFT"} is none). */
    static Optional<PurchaseOrderStatus> parse(String wire) {
        return Coded.of(PurchaseOrderStatus.class, wire);
    }

    /** Every status's name, in the order of an order's life ({@code draft, ordered, …}): what a filter may name. */
    static String names() {
        return Arrays.stream(values()).map(PurchaseOrderStatus::code).collect(Collectors.joining(", "));
    }

    /** Whether the order's details and lines may still be changed (a draft's). */
    boolean editable() {
        return this == DRAFT;
    }

    /** Whether goods may still come for the order: a receipt takes them in, and what is missing counts as on order. */
    boolean receivable() {
        return this == ORDERED || this == PARTIALLY_RECEIVED;
    }

    /** Whether the order is over (no move leads out of it): it keeps when it finished. */
    boolean isFinal() {
        return this == RECEIVED || this == CLOSED || this == CANCELLED;
    }

    /** Whether an order in this status may become {@code next}. */
    boolean canBecome(PurchaseOrderStatus next) {
        return switch (this) {
            case DRAFT -> next == ORDERED || next == CANCELLED;
            case ORDERED -> next == PARTIALLY_RECEIVED || next == RECEIVED || next == CLOSED || next == CANCELLED;
            case PARTIALLY_RECEIVED -> next == PARTIALLY_RECEIVED || next == RECEIVED || next == CLOSED;
            case RECEIVED, CLOSED, CANCELLED -> false;
        };
    }

    /** {@code next}, or {@code refusal} raised (as {@link #refused} makes it) when this status may not become it. */
    PurchaseOrderStatus moveTo(PurchaseOrderStatus next, KassaError refusal) {
        if (!canBecome(next)) {
            throw refused(refusal);
        }
        return next;
    }

    /** {@code error} about an order in this status: its body names it ({@code order_status}), as its message does. */
    KassaException refused(KassaError error) {
        return error.exception(Map.of("order_status", code()), code());
    }
}
