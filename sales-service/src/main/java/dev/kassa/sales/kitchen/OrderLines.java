package dev.kassa.sales.kitchen;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the kitchen reads of the orders' lines its tickets carry: the order feature owns them ({@code orders},
 * {@code order_items}) and answers (it depends on the kitchen, so the kitchen asks through this, as the platform's
 * {@code EmployeeLookup}), inside the caller's transaction.
 */
public interface OrderLines {

    /** A dish of a ticket: an order line its round sent. */
    record Dish(
            long item, long productId, String productName, BigDecimal quantity, List<String> modifiers, String note) {}

    /** A line of a ticket as the preparation report counts it: its product, as the line names it. */
    record Line(long ticket, long productId, String productName) {}

    /** The tickets of the order's lines (those it took in by a merge or a split included), by id. */
    List<Long> ticketsOf(long orderId);

    /** Whether a line of the ticket belongs to an order that is paid, being paid, or closed. */
    boolean billedOrClosed(long ticketId);

    /** The dishes of the tickets, by ticket, each ticket's in the order of its lines (a ticket without any has none). */
    Map<Long, List<Dish>> dishes(Collection<Long> ticketIds);

    /** The lines of the tickets, one each. */
    List<Line> lines(Collection<Long> ticketIds);
}
