package dev.kassa.sales.kitchen;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** A kitchen ticket moved on the kitchen screen ({@code status}: accepted, cooking, ready, served or cancelled). */
@KassaEvent(topic = Topics.SALES)
public record KitchenTicketChanged(
        long ticketId, long orderId, int round, String station, String status, String table, Instant changedAt) {}
