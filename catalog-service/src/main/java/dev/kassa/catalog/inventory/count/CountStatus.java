package dev.kassa.catalog.inventory.count;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaError;

import java.util.Optional;

/**
 * Where a stock-take is in its life: an {@code open} count takes lines until it is {@code applied} (its differences go
 * to the ledger) or {@code cancelled} (the stock stays as it is); both are final. Every change of status goes through
 * {@link #moveTo}, which refuses any other move.
 */
enum CountStatus implements Coded {
    OPEN,
    APPLIED,
    CANCELLED;

    /** The code in the API and the database ({@code open}): a count's answer writes it. */
    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    /** The status a database row holds. */
    static CountStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No count status " + wire));
    }

    /** A status a client named (a list filter); empty when it names none (names are exact: {@code "OPEN"} is none). */
    static Optional<CountStatus> parse(String wire) {
        return Coded.of(CountStatus.class, wire);
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
