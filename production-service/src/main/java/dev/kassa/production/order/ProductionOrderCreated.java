package dev.kassa.production.order;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A production order was made (status {@code new}): what, how much, by when, for whom. */
@KassaEvent(topic = Topics.PRODUCTION)
public record ProductionOrderCreated(
        long orderId,
        String number,
        long productId,
        String productName,
        BigDecimal quantity,
        LocalDate dueDate,
        String priority,
        Long customerId,
        Long createdBy) {}
