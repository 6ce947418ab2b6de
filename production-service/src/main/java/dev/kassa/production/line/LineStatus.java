package dev.kassa.production.line;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.platform.data.Coded;
import dev.kassa.production.ProductionErrors;

import java.util.Optional;

/**
 * What a line is doing (MPSYSTEM's line status): {@code idle}, {@code setup} (a changeover), {@code running} or
 * {@code down} (a breakdown, with its reason). A line that is down comes back {@code idle} first; every other move is
 * allowed. Every change goes through {@link #moveTo}; the same status again is no move.
 */
public enum LineStatus implements Coded {
    IDLE,
    SETUP,
    RUNNING,
    DOWN;

    @JsonValue
    @Override
    public String code() {
        return Coded.super.code();
    }

    static LineStatus of(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("No line status " + wire));
    }

    static Optional<LineStatus> parse(String wire) {
        return Coded.of(LineStatus.class, wire);
    }

    /** Whether a line in this status may become {@code next}. */
    boolean canBecome(LineStatus next) {
        return switch (this) {
            case IDLE, SETUP, RUNNING -> next != this;
            case DOWN -> next == IDLE;
        };
    }

    /** {@code next}, or 409 {@code line_status} naming both when this status may not become it. */
    LineStatus moveTo(LineStatus next) {
        if (!canBecome(next)) {
            throw ProductionErrors.LINE_STATUS.exception(java.util.Map.of("line_status", code()), code(), next.code());
        }
        return next;
    }
}
