package dev.kassa.catalog.inventory.count;

import dev.kassa.platform.error.KassaError;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a stock-take is in its life: an {@code open} count takes lines until it is {@code applied} (its differences go
 * to the ledger) or {@code cancelled} (the stock stays as it is); both are final. Every change of status goes through
 * {@link #moveTo}, which refuses any other move.
 */
enum CountStatus {
    OPEN,
    APPLIED,
    CANCELLED;

    /** The name in the API and the database ({@code open}). */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a database row holds. */
    static CountStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** A status a client named (a list filter); empty when it names none (names are exact: {@code "OPEN"} is none). */
    static Optional<CountStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    /** Whether the count still takes lines (and a blind one hides what was expected from its counters). */
    boolean isOpen() {
        return this == OPEN;
    }

    /** Whether a count in this status may become {@code next}. */
    boolean canBecome(CountStatus next) {
        return switch (this) {
            case OPEN -> next == APPLIED || next == CANCELLED;
            case APPLIED, CANCELLED -> false;
        };
    }

    /** {@code next}, or {@code refusal} raised when this status may not become it. */
    CountStatus moveTo(CountStatus next, KassaError refusal) {
        if (!canBecome(next)) {
            throw refusal.exception();
        }
        return next;
    }
}
