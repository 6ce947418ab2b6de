package dev.kassa.sales.order;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A round of an order went to the kitchen: one ticket per station with its dishes ({@code table}: the table's name,
 * empty for an order to take away).
 */
@KassaEvent(topic = Topics.SALES)
public record OrderSentToKitchen(
        long orderId, String table, String diningOption, int round, Instant sentAt, List<Ticket> tickets) {

    /** A ticket of the round: the station that makes it and its dishes. */
    public record Ticket(long ticketId, String station, List<Dish> items) {}

    /** A dish: what to make, how many, the options chosen (their names, as the kitchen reads them) and the waiter's note. */
    public record Dish(
            long itemId,
            long productId,
            String productName,
            BigDecimal quantity,
            List<String> modifiers,
            String note) {}
}
