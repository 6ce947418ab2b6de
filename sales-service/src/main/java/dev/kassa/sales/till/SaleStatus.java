package dev.kassa.sales.till;

import dev.kassa.platform.error.KassaError;

import java.util.Locale;

/**
 * Where a sale is in its life (spec §5.3): a draft is {@code pending} until it is checked out ({@code completed}) or voided
 * ({@code cancelled}); a completed sale can then be refunded in parts ({@code partially_refunded}) until nothing is left
 * ({@code refunded}). Every change of status goes through {@link #moveTo}, which refuses any other move.
 */
public enum SaleStatus {
    PENDING,
    COMPLETED,
    CANCELLED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** The name in the API and the database ({@code partially_refunded}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SaleStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Whether a sale in this status may become {@code next}. */
    public boolean canBecome(SaleStatus next) {
        return switch (this) {
            case PENDING -> next == COMPLETED || next == CANCELLED;
            case COMPLETED, PARTIALLY_REFUNDED -> next == PARTIALLY_REFUNDED || next == REFUNDED;
            case CANCELLED, REFUNDED -> false;
        };
    }

    /** {@code next}, or {@code refusal} raised when this status may not become it. */
    public SaleStatus moveTo(SaleStatus next, KassaError refusal) {
        if (!canBecome(next)) {
            throw refusal.exception();
        }
        return next;
    }
}
