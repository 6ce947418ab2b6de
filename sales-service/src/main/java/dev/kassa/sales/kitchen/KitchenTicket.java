package dev.kassa.sales.kitchen;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.sales.SalesErrors;

import java.util.function.BooleanSupplier;

/**
 * A kitchen ticket loaded under its lock: the only place its status moves. It goes forward only
 * ({@link TicketStatus#mayMoveTo}); the kitchen and managers may cancel it before it is ready, never once its order's
 * lines are billed or the order closed. The repository loads it and writes the move; no Spring, no database here.
 */
final class KitchenTicket {

    private final long id;
    private TicketStatus status;

    KitchenTicket(long id, TicketStatus status) {
        this.id = id;
        this.status = status;
    }

    long id() {
        return id;
    }

    TicketStatus status() {
        return status;
    }

    /**
     * Moves the ticket to {@code next} for {@code caller}; answers whether it moved (already there: no move).
     * {@code billedOrClosed} is asked only when cancelling.
     */
    boolean move(TicketStatus next, Caller caller, BooleanSupplier billedOrClosed) {
        if (status == next) {
            return false;
        }
        if (next == TicketStatus.CANCELLED && !caller.managesStore() && caller.role() != Role.KITCHEN) {
            throw SalesErrors.TICKET_CANCEL_NOT_ALLOWED.exception();
        }
        if (next == TicketStatus.CANCELLED && billedOrClosed.getAsBoolean()) {
            // what was billed stays billed: a paid order's dish is not taken off it
            throw SalesErrors.TICKET_ORDER_CLOSED.exception();
        }
        if (!status.mayMoveTo(next)) {
            throw SalesErrors.TICKET_STATUS_INVALID.exception(status.code(), next.code());
        }
        status = next;
        return true;
    }
}
