package dev.kassa.sales.kitchen;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/**
 * Where a kitchen ticket stands. A ticket moves only forward ({@code new → accepted → cooking → ready → served}, a step
 * may be skipped: a drink is ready at once); it is cancelled only before it is ready.
 */
public enum TicketStatus implements Coded {
    NEW,
    ACCEPTED,
    COOKING,
    READY,
    SERVED,
    CANCELLED;

    public static Optional<TicketStatus> of(String code) {
        return Coded.of(TicketStatus.class, code);
    }

    /** Whether a ticket here may move to {@code next}. */
    boolean mayMoveTo(TicketStatus next) {
        if (this == SERVED || this == CANCELLED) {
            return false;
        }
        return next == CANCELLED ? ordinal() < READY.ordinal() : next.ordinal() > ordinal();
    }

    /** The ticket's column that keeps when it reached this status ({@code new}: when it was made). */
    String timeColumn() {
        return this == NEW ? "created_at" : code() + "_at";
    }
}
