package dev.kassa.sales.shift;

import dev.kassa.platform.error.KassaError;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a cashier's shift is (spec §5.4): {@code open} takes sales; it may go on a break ({@code suspended}, no sales, not
 * closable) and come back, or be {@code closed} with the counted cash, after which only a sale made in it and uploaded late by an offline till changes
 * its expected cash and difference. Every change of status
 * goes through {@link #moveTo}, which refuses any other move.
 */
public enum ShiftStatus {
    OPEN,
    SUSPENDED,
    CLOSED;

    /** The name in the API and the database ({@code open}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShiftStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** A status a client named (a list filter); empty when it names none. */
    public static Optional<ShiftStatus> parse(String wire) {
        for (ShiftStatus s : values()) {
            if (s.wire().equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a shift in this status may become {@code next}. */
    public boolean canBecome(ShiftStatus next) {
        return switch (this) {
            case OPEN -> next == SUSPENDED || next == CLOSED;
            case SUSPENDED -> next == OPEN;
            case CLOSED -> false;
        };
    }

    /** {@code next}, or the refusal named for the status the shift is in when it may not become {@code next}. */
    public ShiftStatus moveTo(ShiftStatus next, Function<ShiftStatus, KassaError> refusal) {
        if (!canBecome(next)) {
            throw refusal.apply(this).exception();
        }
        return next;
    }
}
