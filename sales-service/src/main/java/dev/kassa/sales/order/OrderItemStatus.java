package dev.kassa.sales.order;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaError;
import dev.kassa.sales.kitchen.TicketStatus;

import java.util.Arrays;

/**
 * Where a line of an order stands: a guest's line is {@code awaiting} a waiter, who confirms it ({@code pending}:
 * billed, not sent yet); the round that sends it makes it its kitchen ticket's {@code new}, and from there it is that
 * ticket's status ({@code accepted} … {@code served}, or {@code cancelled}: not made, not billed), which only the kitchen
 * moves ({@code kitchen.TicketStatus}). A line taken off before it is sent (or a guest's declined) is deleted, not moved.
 */
enum OrderItemStatus implements Coded {
    AWAITING(null),
    PENDING(null),
    NEW(TicketStatus.NEW),
    ACCEPTED(TicketStatus.ACCEPTED),
    COOKING(TicketStatus.COOKING),
    READY(TicketStatus.READY),
    SERVED(TicketStatus.SERVED),
    CANCELLED(TicketStatus.CANCELLED);

    /** The status of the kitchen ticket a sent line went with (null before it is sent). */
    private final TicketStatus ticket;

    OrderItemStatus(TicketStatus ticket) {
        this.ticket = ticket;
    }

    /** The status a {@link #code()} names ({@code awaiting}, as the API writes it). */
    static OrderItemStatus of(String wire) {
        return Coded.of(OrderItemStatus.class, wire)
                .orElseThrow(() -> new IllegalArgumentException("No order item status " + wire));
    }

    /** A line's status as stored: a guest's waiting line, one not sent yet, or the status of its ticket. */
    static OrderItemStatus of(boolean awaiting, String ticketStatus) {
        if (awaiting) {
            return AWAITING;
        }
        return ticketStatus == null ? PENDING : of(TicketStatus.of(ticketStatus).orElseThrow());
    }

    /** The status of a sent line whose kitchen ticket is in {@code ticket}. */
    static OrderItemStatus of(TicketStatus ticket) {
        return Arrays.stream(values())
                .filter(s -> s.ticket == ticket)
                .findFirst()
                .orElseThrow();
    }

    /** Whether the line is in the bill: confirmed, and not cancelled by the kitchen. */
    boolean billed() {
        return this != AWAITING && this != CANCELLED;
    }

    /** Whether the order may move a line in this status to {@code next} (the kitchen's moves are the ticket's). */
    boolean canBecome(OrderItemStatus next) {
        return switch (this) {
            case AWAITING -> next == PENDING;
            case PENDING -> next == NEW;
            case NEW, ACCEPTED, COOKING, READY, SERVED, CANCELLED -> false;
        };
    }

    /** {@code next}, or {@code refusal} raised when this status may not become it. */
    OrderItemStatus moveTo(OrderItemStatus next, KassaError refusal) {
        if (!canBecome(next)) {
            throw refusal.exception();
        }
        return next;
    }
}
